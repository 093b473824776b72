"""Relations as candidates + scoring: every ontology-allowed pair of mentions in a sentence is a
candidate; generic features (trigger words from `ingest/data/triggers/`, order, distance,
punctuation and clause boundaries, coordination, the votes of the hand rules) are scored by a
small logistic model trained on the visible gold (`reformkg train`) and shipped as a JSON file.

candidates.py  the candidate generator (ontology endpoint rules, sentence scope)
triggers.py    the trigger tables (data) and their automaton
features.py    the feature function of a candidate
model.py       the shipped model: load, score (pure Python, no scikit-learn at run time)
component.py   the pipeline component: confidence for rule facts, new facts above the threshold
training.py    gold labels for candidates, fitting (scikit-learn), leave-one-document-out
"""
