# from module import *: public names, or __all__ when defined.
from helper_mod import *
print(CONSTANT, greet('star'), Widget(1))
try:
    _private
except NameError as e:
    print('NameError:', e)
from star_mod import *
print(exported, also)
try:
    not_listed
except NameError as e:
    print('NameError:', e)
from math import *
print(floor(3.7), sqrt(4.0), pi)
