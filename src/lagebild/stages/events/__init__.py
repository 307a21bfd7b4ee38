"""Events: who did what to whom, where and when — PLOVER-typed, with modality."""
