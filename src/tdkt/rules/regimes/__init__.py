"""Rule-set data modules (one per legal regime) and their registry."""
