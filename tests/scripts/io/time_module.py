# time: clocks, struct_time, strftime with the formats logging uses.
import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() > t0, time.perf_counter() - p0 >= 0.009, time.monotonic() > m0)
print(isinstance(time.time_ns(), int), time.time_ns() > 1_600_000_000 * 10**9)
time.sleep(0)

st = time.gmtime(0)
print(st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, st.tm_sec, st.tm_wday, st.tm_yday)
print(st[0], st[5], len(st), tuple(st)[:3])
fixed = time.gmtime(1_700_000_000)
print(time.strftime('%Y-%m-%d %H:%M:%S', fixed))
print(time.strftime('%H:%M:%S', fixed), time.strftime('%y %j %a %A %b %B %p %%', fixed))
print(time.strftime('%d/%m/%Y', time.gmtime(86400 * 365)))
lt = time.localtime()
print(lt.tm_year >= 2024, 1 <= lt.tm_mon <= 12, len(time.strftime('%H:%M:%S')) == 8)
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError', e)
