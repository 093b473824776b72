"""One router per resource; each module exposes `build(enums) -> APIRouter` so that query
parameters can use the ontology-derived enums built at app creation."""
