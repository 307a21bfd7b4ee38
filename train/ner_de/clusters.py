"""Brown-cluster "static vectors" for the German NER tok2vec.

    python train/ner_de/clusters.py OUTPUT_DIR [--words 400000]

spaCy's own `spacy-lookups-data` package (MIT) ships German Brown clusters
(`de_lexeme_cluster`, 1,000,001 case-sensitive word forms in 750 clusters) and word
log-probabilities (`de_lexeme_prob`).  spaCy v3 does not feed `Lexeme.cluster` to a
tok2vec (`doc.to_array(CLUSTER)` is always 0), so we encode the clusters as a small static
vectors table instead: one row per cluster (751 rows), many keys per row.  A row is the
one-hot encoding of the cluster's bit path and of its prefixes of 2, 4, 6 and 8 bits, so
rare clusters share features with their neighbours in the hierarchy.  Only the N most
frequent word forms with a non-zero cluster are kept (N = 400,000 covers 82% of the
tokens and 80% of the entity tokens of the GermEval parts); other words get a zero vector.

The output is a blank German pipeline directory whose vocab holds the vectors; the
training config reads it as `[initialize] vectors`.  The table is saved with the model
(a few MB), so the shipped model needs neither this script nor spacy-lookups-data.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import numpy
import spacy
from spacy.strings import hash_string
from spacy.vectors import Vectors

PREFIXES = (2, 4, 6, 8)


def load_table(name: str) -> dict[str, float]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def bit_path(cluster: int) -> str:
    return bin(cluster)[3:]  # the clusters are stored with a leading 1 bit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--words", type=int, default=400_000)
    args = parser.parse_args()
    clusters = {w: int(c) for w, c in load_table("de_lexeme_cluster").items() if c}
    prob = load_table("de_lexeme_prob")
    words = sorted(clusters, key=lambda w: (-prob.get(w, -99.0), w))[: args.words]
    ids = sorted({clusters[w] for w in words})
    features: dict[str, int] = {}
    for cluster in ids:
        path = bit_path(cluster)
        features.setdefault(f"full:{path}", len(features))
        for length in PREFIXES:
            if len(path) > length:
                features.setdefault(f"p{length}:{path[:length]}", len(features))
    data = numpy.zeros((len(ids), len(features)), dtype="float32")
    row_of = {}
    for row, cluster in enumerate(ids):
        row_of[cluster] = row
        path = bit_path(cluster)
        data[row, features[f"full:{path}"]] = 1.0
        for length in PREFIXES:
            if len(path) > length:
                data[row, features[f"p{length}:{path[:length]}"]] = 1.0
    nlp = spacy.blank("de")
    vectors = Vectors(strings=nlp.vocab.strings, data=data, name="de_brown_clusters")
    for word in words:
        vectors.add(hash_string(word), row=row_of[clusters[word]])  # keys only, no strings
    nlp.vocab.vectors = vectors
    nlp.to_disk(args.output)
    print(f"{len(words)} words, {len(ids)} clusters, {len(features)} dims -> {args.output}")


if __name__ == "__main__":
    main()
