"""Settings split by environment: base (everything, from TDKT_* variables), dev, test, prod."""
