# Helper module with __all__ for star-import tests.
__all__ = ['exported', 'also']
exported = 'exported value'
also = 'also exported'
not_listed = 'not in __all__'
