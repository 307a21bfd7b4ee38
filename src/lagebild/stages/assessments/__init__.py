"""Estimative language: who judges what how likely (``lagebild.assessments.v1``)."""
