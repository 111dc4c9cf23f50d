# SystemExit(3) ends the program with exit status 3 and no traceback.
print('exiting with 3')
raise SystemExit(3)
print('never')
