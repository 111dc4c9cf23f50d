# Import failures: missing module, missing name, error while importing.
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, e.name if hasattr(e, 'name') else '')
try:
    import no_such_module_xyz
except ImportError as e:
    print('ImportError base catches:', type(e).__name__)
try:
    from helper_mod import no_such_name
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0])
try:
    import broken_mod
except ValueError as e:
    print('ValueError:', e)
import sys
print('broken_mod' in sys.modules)
try:
    import broken_mod
except ValueError as e:
    print('raised again:', e)
try:
    from no_such_pkg_xyz import thing
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e)
