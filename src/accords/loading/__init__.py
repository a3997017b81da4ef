"""Loading: bytes → values with locations → records, and dataset discovery."""
