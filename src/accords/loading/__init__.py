"""Loading: bytes → values with positions → records, and dataset discovery."""
