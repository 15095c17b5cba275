import ClusterKitCore
extension HTMLReportRenderer {
    /// The page's stylesheet, inline: system fonts only, a layout that reflows down to a phone's 375 px (tables
    /// scroll inside their own box), and a print stylesheet for A4 that never splits a chart or a diagnostic.
    static let stylesheet = """
        :root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --error: #b2182b; --warning: #8a4b00; --note: #1f5f99; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; overflow-wrap: break-word; }
        header.page, main, footer.page { max-width: 1080px; margin: 0 auto; padding: 0 16px; }
        header.page { padding-top: 20px; border-bottom: 3px solid var(--ink); }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .3rem; }
        h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; padding-top: .5rem; border-top: 1px solid var(--rule); }
        h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; overflow-wrap: anywhere; }
        a { color: #0b4f8a; }
        .facts { color: var(--muted); margin: .2rem 0; overflow-wrap: anywhere; }
        .headline { font-size: 1.1rem; font-weight: 600; padding: .5rem .75rem; border-left: 6px solid; background: #f5f5f5; }
        .headline.reached { border-color: var(--note); }
        .headline.short { border-color: var(--warning); }
        ul.counts { list-style: none; display: flex; flex-wrap: wrap; gap: 12px; padding: 0; margin: .5rem 0 1rem; }
        .count { border: 2px solid; border-radius: 6px; padding: .35rem .9rem; min-width: 9rem; }
        .count .number { font-size: 1.6rem; font-weight: 700; margin-right: .3rem; }
        .count.error, h4.error { color: var(--error); }
        .count.warning, h4.warning { color: var(--warning); }
        .count.note, h4.note { color: var(--note); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 24px; align-items: start; }
        figure.chart-figure { margin: 0; padding: 12px; border: 1px solid var(--rule); border-radius: 6px; min-width: 0; }
        figcaption { font-size: .92rem; color: var(--muted); margin-bottom: .5rem; }
        figcaption strong { display: block; color: var(--ink); font-size: 1.02rem; }
        svg.chart { display: block; width: 100%; max-width: 520px; height: auto; margin: 0 auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans", sans-serif; font-size: 13px; fill: var(--ink); }
        svg.chart .axis { fill: var(--muted); }
        .table-wrap { overflow-x: auto; max-width: 100%; margin-top: .75rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); }
        .number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
        tr.sector th, tr.sector td { font-weight: 700; background: #f5f5f5; }
        tbody th { font-weight: 400; }
        tr.behind td:last-child { color: var(--error); font-weight: 700; }
        article.diagnostic { border: 1px solid var(--rule); border-left: 6px solid; border-radius: 4px; padding: .6rem .9rem; margin: .6rem 0; }
        article.error { border-left-color: var(--error); }
        article.warning { border-left-color: var(--warning); }
        article.note { border-left-color: var(--note); }
        .badge { display: inline-block; font-size: .78rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: 0 .4rem; border: 1.5px solid; border-radius: 3px; }
        article.error .badge { color: var(--error); }
        article.warning .badge { color: var(--warning); }
        article.note .badge { color: var(--note); }
        .message { margin: 0 0 .4rem; }
        dl.figures, dl.explanation { display: grid; grid-template-columns: auto 1fr; gap: .1rem .8rem; margin: .3rem 0; font-size: .92rem; }
        dt { color: var(--muted); }
        dd { margin: 0; min-width: 0; }
        dl.explanation dt, dl.explanation dd { border-bottom: 1px dotted var(--rule); }
        dl.explanation dd { text-align: right; }
        .fix { background: #f3f7fb; border-radius: 4px; padding: .3rem .6rem; margin: .4rem 0; }
        .fix p { margin: .2rem 0; }
        .fix .amount { font-weight: 700; white-space: nowrap; }
        details { margin: .3rem 0; }
        summary { cursor: pointer; color: #0b4f8a; }
        .citation { font-size: .88rem; color: var(--muted); margin: .3rem 0 0; }
        .back { font-size: .9rem; }
        footer.page { color: var(--muted); font-size: .85rem; margin-top: 2rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); }
        @media (max-width: 480px) {
          body { font-size: 15px; }
          h1 { font-size: 1.35rem; }
          figure.chart-figure { padding: 8px; }
          .count { min-width: 0; flex: 1 1 40%; }
        }
        @media screen and (max-width: 640px) {
          table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.reflow tr { display: block; border-bottom: 1px solid var(--rule); padding: .3rem 0; }
          table.reflow th, table.reflow td { display: block; border: 0; text-align: left; padding: .1rem 0; white-space: normal; }
          table.reflow td::before { content: attr(data-label) "\\00a0: "; color: var(--muted); }
          html[lang="en"] table.reflow td::before { content: attr(data-label) ": "; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 10pt; }
          header.page, main, footer.page { max-width: none; padding: 0; }
          .charts { grid-template-columns: 1fr 1fr; gap: 10px; }
          figure.chart-figure, article.diagnostic, tr, .headline, ul.counts { break-inside: avoid; page-break-inside: avoid; }
          figure.chart-figure { border-color: #999; }
          section.budget { break-before: page; page-break-before: always; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          .table-wrap { overflow: visible; }
          svg.chart { max-width: 100%; }
          details > summary { list-style: none; }
          details::details-content { content-visibility: visible; display: block; }
          .back { display: none; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
