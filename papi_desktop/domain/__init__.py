"""Pure rules of the product. Imports nothing from the rest of the package, no Qt, no SQLAlchemy."""
