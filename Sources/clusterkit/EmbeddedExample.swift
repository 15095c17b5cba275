/// The budget `clusterkit check` checks when given no file: the memento's Mecabourg 2013 case study, the same
/// document as `Examples/mecabourg-2013.json` (a test keeps the two identical).
enum EmbeddedExample {
    /// The name reports give the embedded file.
    static let name = "mecabourg-2013.json (embedded)"

    /// The document.
    static let json = #"""
{
  "format": "clusterkit.budget/1",
  "cluster": {
    "name": "Mecabourg",
    "kind": "grappe",
    "founded": 2002,
    "members": 60,
    "staff": 2,
    "valuedTimeAllowed": false,
    "satellites": [
      { "name": "AinGIL", "form": "SAS", "capturesBillableServices": true }
    ],
    "targets": { "privateShare": 0.5, "basis": "net", "source": "« A terme, un objectif d'autofinancement de 50 % de la structure », mémento p. 31 (sans date)" },
    "declared": { "selfFinancing": 0.45 }
  },
  "year": 2013,
  "currency": "EUR",
  "resources": [
    { "id": "region", "label": "Région Rhône Alpes", "source": "region", "amount": 50000 },
    { "id": "intercommunalities", "label": "Intercommunalités", "source": "intercommunality", "amount": 50000 },
    { "id": "cg01", "label": "Conseil Général de l'Ain", "source": "department", "amount": 60000 },
    { "id": "fees", "label": "Cotisations", "source": "membershipFees", "amount": 95000 },
    { "id": "participations", "label": "Participations entreprises", "source": "actionParticipation", "amount": 35000 }
  ],
  "expenses": [
    { "id": "animation", "label": "Fonctionnement & Animation", "amount": 135000, "nature": "operating" },
    { "id": "hr", "label": "Dépenses directes du Pôle RH", "amount": 35000 },
    { "id": "development", "label": "Dépenses directes du Pôle développement", "amount": 80000 },
    { "id": "innovation", "label": "Dépenses directes du Pôle innovation", "amount": 30000 },
    { "id": "network", "label": "Dépenses directes du Pôle réseau", "amount": 10000 }
  ]
}
"""#
}
