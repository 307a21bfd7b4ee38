"""Links across documents: the same event (or judgement) reported several times."""
