"""Label and relationship-type constants, generated from ontology.yaml by
`python -m reformkg.graph.vocab_gen` (do not edit; a test checks it is current)."""

from __future__ import annotations


class Label:
    """Node labels (primary and extra)."""

    REGION = "Region"
    UNION = "Union"
    ENTERPRISE = "Enterprise"
    AGENCY = "Agency"
    INSTITUTION = "Institution"
    PERSON = "Person"
    PROGRAMME = "Programme"
    AWARD = "Award"
    OUTCOME = "Outcome"
    DOCUMENT = "Document"
    PILOT_UNIT = "PilotUnit"
    ENTITY = "Entity"


class Rel:
    """Relationship types."""

    HOLDS_POSITION = "HOLDS_POSITION"
    AWARDED = "AWARDED"
    PILOTS = "PILOTS"
    RUNS = "RUNS"
    SPONSORS = "SPONSORS"
    CO_SPONSORS = "CO_SPONSORS"
    PARTNERS_WITH = "PARTNERS_WITH"
    MEMBER_OF = "MEMBER_OF"
    ISSUED = "ISSUED"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"
    REPORTED = "REPORTED"
    MENTIONED_IN = "MENTIONED_IN"
