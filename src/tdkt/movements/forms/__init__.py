"""Forms of the movement and registration screens."""
