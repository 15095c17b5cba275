#!/usr/bin/env perl
# Stages the DocC catalogues with the guides of Documentation/ as their articles, for Scripts/ci-docc.sh.
#
#   perl Scripts/stage-docc-articles.pl STAGING-DIR CATALOGUE.docc...
#
# The guides have one source, Documentation/*.md, written for GitHub (the README links to them, they link to each
# other as `[text](Other.md#anchor)`, symbol links are written ``Engine``, which GitHub shows as code). A catalogue
# claims a guide by listing `<doc:Name>` in its pages' Topics; this script copies each catalogue into STAGING-DIR
# and adds the guides it claims (each as the article of its name, but for the one renamed in %article below), with
# their GitHub links rewritten for DocC in the copy only:
#   [text](Other.md#anchor)  ->  [text](doc:Other#Heading-Text)  (a guide of the same catalogue: DocC checks it)
#   [text](#anchor)          ->  [text](doc:This#Heading-Text)
#   [text](Other.md)         ->  text                            (a guide of another catalogue: unlinked)
#   [text](../Examples/x)    ->  text                            (a file of the repository, not in the archive)
#   ![alt](images/x.png)     ->  ![alt](x.png)                   (the image copied in from Documentation/images)
# It fails when a guide is claimed by no catalogue or by two, when a link names a guide that does not exist, or when
# an anchor names no heading of its guide (so the GitHub anchors are checked too).
use strict;
use warnings;
use utf8;
use File::Basename qw(basename);
use File::Copy qw(copy);
use File::Path qw(make_path remove_tree);

binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';
my ($staging, @catalogues) = @ARGV;
die "usage: $0 STAGING-DIR CATALOGUE.docc...\n" unless defined $staging && @catalogues;
my $guides = 'Documentation';
# A guide is staged as the article of its own name, except where that name is a symbol's: DocC cannot hold an article
# and a symbol of the same name (`Configuration` is a type of ClusterKitCore).
my %article = (Configuration => 'ConfigurationFiles');
my %guide = reverse %article;
sub article { my ($name) = @_; $article{$name} // $name }

sub slurp { my ($path) = @_; open my $in, '<:encoding(UTF-8)', $path or die "$path: $!\n"; local $/; <$in> }
sub spew { my ($path, $text) = @_; open my $out, '>:encoding(UTF-8)', $path or die "$path: $!\n"; print $out $text }

# Which catalogue claims each guide.
my %home;
for my $catalogue (@catalogues) {
    opendir my $dir, $catalogue or die "$catalogue: $!\n";
    for my $page (grep { /\.md$/ } readdir $dir) {
        for my $claim (slurp("$catalogue/$page") =~ /<doc:([A-Za-z0-9_-]+)>/g) {
            my $name = $guide{$claim} // $claim;
            next unless -f "$guides/$name.md" && article($name) eq $claim;
            die "$guides/$name.md is claimed by $home{$name} and $catalogue\n"
                if $home{$name} && $home{$name} ne $catalogue;
            $home{$name} = $catalogue;
        }
    }
}
for my $path (glob "$guides/*.md") {
    my $name = basename($path, '.md');
    die "$path is an article of no catalogue: list <doc:" . article($name) . "> in the Topics of one\n"
        unless $home{$name};
}

# The headings of each guide: GitHub's anchor of each -> DocC's fragment for it.
my %headings;
sub headings_of {
    my ($name) = @_;
    return $headings{$name} if $headings{$name};
    my (%anchors, $fenced);
    for my $line (split /\n/, slurp("$guides/$name.md")) {
        $fenced = !$fenced if $line =~ /^\s*```/;
        next if $fenced || $line !~ /^#{1,6}\s+(.*?)\s*$/;
        my $title = $1;
        (my $plain = $title) =~ s/[`*_]//g;
        (my $github = lc $plain) =~ s/[^\w\- ]//g;
        $github =~ s/ /-/g;
        (my $docc = $title) =~ s/\s+/-/g;
        $anchors{$github} = $docc;
    }
    return $headings{$name} = \%anchors;
}

sub fragment {
    my ($guide, $anchor, $from) = @_;
    return '' unless defined $anchor;
    my $docc = headings_of($guide)->{$anchor};
    die "$guides/$from.md: the link to $guide.md#$anchor names no heading of $guide.md\n" unless defined $docc;
    return "#$docc";
}

sub rewrite_link {
    my ($name, $catalogue, $bang, $text, $target) = @_;
    if ($bang) {
        return "![$text]($target)" unless $target =~ m{^images/([^/]+)$};
        copy("$guides/$target", "$staging/" . basename($catalogue)) or die "$guides/$name.md: $target: $!\n";
        return "![$text]($1)";
    }
    return "[$text]($target)" if $target =~ m{^[a-z]+:};
    if ($target =~ m{^#(.+)$}) {
        return "[$text](doc:" . article($name) . fragment($name, $1, $name) . ")";
    }
    if ($target =~ m{^(?:\./)?([A-Za-z0-9_-]+)\.md(?:#(.+))?$}) {
        my ($guide, $anchor) = ($1, $2);
        die "$guides/$name.md links to $guide.md, which is not a guide of $guides/\n" unless $home{$guide};
        return $text unless $home{$guide} eq $catalogue;
        return "[$text](doc:" . article($guide) . fragment($guide, $anchor, $name) . ")";
    }
    return $text;
}

for my $catalogue (@catalogues) {
    my $copy = "$staging/" . basename($catalogue);
    remove_tree($copy);
    make_path($copy);
    system('cp', '-R', "$catalogue/.", $copy) == 0 or die "cp $catalogue: $?\n";
    my @claimed = sort grep { $home{$_} eq $catalogue } keys %home;
    next unless @claimed;
    for my $name (@claimed) {
        my ($fenced, @out) = (0);
        for my $line (split /\n/, slurp("$guides/$name.md"), -1) {
            $fenced = !$fenced if $line =~ /^\s*```/;
            $line =~ s{(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^()\s]+)\)}
                      {rewrite_link($name, $catalogue, $1, $2, $3)}ge unless $fenced;
            push @out, $line;
        }
        spew("$copy/" . article($name) . ".md", join("\n", @out));
    }
}
