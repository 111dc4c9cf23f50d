# import, import as, from-import, from-import as, __name__, module caching.
print('main __name__ =', __name__)
import helper_mod
print(helper_mod.CONSTANT, helper_mod.greet('world'), helper_mod.Widget(3), helper_mod.__name__)
import helper_mod as hm
print(hm is helper_mod, hm.bump(), helper_mod.bump(), hm.counter)
from helper_mod import greet, CONSTANT as C, Widget
print(greet('x'), C, Widget(7))
from helper_mod import counter
helper_mod.bump()
print(counter, helper_mod.counter)
import sys
print('helper_mod' in sys.modules, sys.modules['helper_mod'] is helper_mod)
import chain_mod
print(chain_mod.twice('y'))
print(type(helper_mod).__name__, sorted(k for k in dir(helper_mod) if not k.startswith('_')))
import math, os
print(math.floor(1.5), os.path.basename('/a/b'))
import os.path as osp
print(osp.join('x', 'y'))
from os import path
print(path.basename('/q/r.txt'))
from math import (sqrt,
                  floor as fl)
print(sqrt(9), fl(2.5))
def local_import():
    import helper_mod as inner
    from math import pi
    return inner.CONSTANT, round(pi, 2)
print(local_import())
if __name__ == '__main__':
    print('running as main script')
