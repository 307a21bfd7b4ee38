#!/usr/bin/env bash
# Reproduce the shipped German NER model (CPU, about 30-40 minutes on 2 cores).
#   bash train/ner_de/train.sh [CORPUS_NER_DE] [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../../shared/corpus/ner-de}"
work="${2:-/tmp/lagebild-ner-de}"
python="${PYTHON:-$here/../../.venv/bin/python}"
"$python" "$here/prepare.py" "$corpus" "$work/data"
"$python" -m spacy train "$here/config.cfg" --output "$work/model" \
  --paths.train "$work/data/train.spacy" --paths.dev "$work/data/tune.spacy"
"$python" "$here/evaluate.py" "$work/model/model-best" "$work/data/test.spacy"
