"""Train and score the German NER CRF (python-crfsuite) on the fixed split of prepare.py.

    python train/ner_de/crf.py DATA_DIR LEXICON.tsv.gz OUT_DIR [--c1 0.05] [--c2 0.01]
        [--iterations 200] [--test] [--final] [--package MODEL_DIR]

DATA_DIR holds train/tune/test.spacy from prepare.py; LEXICON.tsv.gz comes from
crf_lexicons.py.  Features: lagebild.stages.entities.ner_crf_features (the code the
shipped component runs).  Labels are BIO over GermEval's 12 outer labels; L-BFGS in
crfsuite is deterministic.  Prints strict span P/R/F1 per base type on tune, on the gold
tokens, with the *deriv/*part spans dropped from gold and prediction as eval/ner_de.py
does; --test also scores the held-out test split (for the report only, never for a
choice).  --final trains on train + tune with the settings chosen on tune (the shipped
model; its tune score is then no longer a measurement and is not printed).  --package writes the spaCy pipeline (blank German + lagebild_crf_ner) that
ships as src/lagebild/models/ner_de.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pycrfsuite
import spacy
from spacy.tokens import Doc, DocBin

from lagebild.stages.entities.ner_crf import FACTORY, CrfNer, bio_spans, read_lexicon
from lagebild.stages.entities.ner_crf_features import Lexicon, sentence_features

BASE = ("PER", "LOC", "ORG", "OTH")
TokenSpan = tuple[int, int, str]
Scores = dict[str, tuple[float, float, float]]


def bio(doc: Doc) -> list[str]:
    labels = ["O"] * len(doc)
    for entity in doc.ents:
        labels[entity.start] = "B-" + entity.label_
        labels[entity.start + 1 : entity.end] = ["I-" + entity.label_] * (len(entity) - 1)
    return labels


def base_spans(sentences: list[list[TokenSpan]], label: str) -> set[tuple[int, int, int, str]]:
    return {
        (i, *span)
        for i, spans in enumerate(sentences)
        for span in spans
        if span[2] in BASE and label in ("ALL", span[2])
    }


def prf(gold: list[list[TokenSpan]], found: list[list[TokenSpan]]) -> Scores:
    table = {}
    for label in (*BASE, "ALL"):
        g, p = base_spans(gold, label), base_spans(found, label)
        hits = len(g & p)
        precision = hits / len(p) if p else 0.0
        recall = hits / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        table[label] = (round(precision, 4), round(recall, 4), round(f1, 4))
    return table


def show(name: str, table: Scores) -> None:
    row = "  ".join(f"{k} {v[2]:.3f}" for k, v in table.items())
    print(f"{name} {row} (ALL P {table['ALL'][0]:.3f} R {table['ALL'][1]:.3f})", flush=True)


def load(data: Path, split: str) -> list[Doc]:
    return list(DocBin().from_disk(data / f"{split}.spacy").get_docs(spacy.blank("de").vocab))


def train(docs: list[Doc], lexicon: Lexicon, model: Path, c1: float, c2: float, its: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        trainer.append(sentence_features([t.text for t in doc], lexicon), bio(doc))
    params = {"c1": c1, "c2": c2, "max_iterations": its, "feature.possible_transitions": True}
    trainer.set_params(params)
    trainer.train(str(model))


def predict(docs: list[Doc], lexicon: Lexicon, model: Path) -> list[list[TokenSpan]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [
        bio_spans(tagger.tag(sentence_features([t.text for t in doc], lexicon))) for doc in docs
    ]


def package(model: Path, lexicon: Path, folder: Path) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe(FACTORY, name="crf_ner")
    CrfNer.add_files(model, lexicon, folder / "crf_ner")
    nlp.get_pipe("crf_ner").from_disk(folder / "crf_ner")
    nlp.meta.update({"name": "ner_de", "version": "2.0.0", "description": __doc__.split("\n")[0]})
    nlp.to_disk(folder)
    print(f"pipeline -> {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("lexicon", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--test", action="store_true")
    parser.add_argument("--final", action="store_true")
    parser.add_argument("--package", type=Path)
    args = parser.parse_args()
    lexicon = read_lexicon(args.lexicon)
    args.out.mkdir(parents=True, exist_ok=True)
    model = args.out / "model.crfsuite"
    docs = load(args.data, "train") + (load(args.data, "tune") if args.final else [])
    train(docs, lexicon, model, args.c1, args.c2, args.iterations)
    scored = () if args.final else ("tune",)
    for split in (*scored, "test") if args.test else scored:
        docs = load(args.data, split)
        predicted = predict(docs, lexicon, model)
        (args.out / f"{split}.pred.json").write_text(json.dumps(predicted))
        show(
            f"{split} c1={args.c1} c2={args.c2}:", prf([bio_spans(bio(d)) for d in docs], predicted)
        )
    if args.package:
        package(model, args.lexicon, args.package)


if __name__ == "__main__":
    main()
