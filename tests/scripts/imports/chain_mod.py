# Helper module that itself imports another helper.
import helper_mod
from helper_mod import greet as hello
def twice(name):
    return hello(name) + ' / ' + helper_mod.greet(name)
