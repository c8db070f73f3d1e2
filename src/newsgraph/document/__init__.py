"""Article → parsed Document. The only package that loads spaCy (see :mod:`.nlp`)."""
