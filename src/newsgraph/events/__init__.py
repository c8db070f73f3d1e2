"""Document + actors → events: PLOVER/CAMEO coding with modality, attribution and evidence."""
