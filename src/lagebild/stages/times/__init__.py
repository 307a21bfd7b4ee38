"""Time expressions: the document date, and every date expression resolved against it."""
