"""Claims: reported speech with speaker, cue, content, date, stance and attribution."""
