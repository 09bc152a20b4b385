/**
 * Skein's standard modules, each a {@link dev.skein.runtime.NativeModule} created once per
 * interpreter by the factory that {@link dev.skein.stdlib.modules.Modules#install} registers.
 * Names and behaviour follow Python's modules of the same purpose; the differences are:
 *
 * <ul>
 *   <li><b>math</b> — as Python's math (ints exact and unbounded; ValueError "math domain
 *       error", OverflowError "math range error"). {@code modf} returns a list. factorial keeps
 *       the last result per interpreter, so rising sequences of calls are cheap.</li>
 *   <li><b>time</b> — perf_counter(_ns), monotonic(_ns), time(_ns), sleep (stops promptly when
 *       the task is cancelled or times out), localtime/gmtime (a 9-item list in struct_time
 *       order, weekday Monday = 0) and strftime(format, t) where t is seconds since the epoch
 *       or such a list.</li>
 *   <li><b>random</b> — one Mersenne Twister per interpreter, shared by all its threads (each
 *       call is atomic). Seeded with an int, float, str or bytes it reproduces CPython 3.11's
 *       sequences for random, randrange, randint, choice, choices, shuffle, sample, uniform and
 *       getrandbits; gauss and expovariate may differ in the last digit. The language promises
 *       only that a seed gives the same sequence in Skein.</li>
 *   <li><b>json</b> — dumps (indent, sort_keys, separators, ensure_ascii, allow_nan, default)
 *       writes Python's exact text; records become objects. loads raises JSONError (a
 *       ValueError) with Python's message, line, column and character offset.</li>
 *   <li><b>fs</b> — pathlib-like whole-file helpers plus os.path string helpers; all need the
 *       FILES capability; errors are IOError "no such file: 'x.txt'" and similar.</li>
 *   <li><b>hash</b> — hashlib's md5, sha1, sha2 and sha3 families (no blake2: the JDK lacks
 *       it) as hash objects with update/digest/hexdigest/copy; new, pbkdf2_hmac, hmac (returns
 *       bytes) and compare_digest. str arguments are encoded as UTF-8.</li>
 *   <li><b>http</b> — get and post like requests, returning a response with status, ok,
 *       headers (lower-case names), content, text, url, json() and raise_for_status()
 *       (HTTPError, a kind of IOError). Needs NETWORK.</li>
 *   <li><b>os</b> — args, env (filled only with the ENVIRONMENT capability), getenv,
 *       cpu_count, getpid, platform, sep, linesep, and exit, which throws
 *       {@link dev.skein.stdlib.modules.ExitRequest} for the host to act on.</li>
 * </ul>
 */
package dev.skein.stdlib.modules;
