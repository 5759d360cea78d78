"""Labs and programmes."""
