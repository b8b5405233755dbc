"""The activation flow from Python: phone, identification and pupils, SMS code, password, login id.

Run: SESAME_LIBRARY=build/libsesame.so PYTHONPATH=bindings/python/src python3 examples/python/activation.py
A real ENT keeps the keys in its secret store and sends the SMS; here both are local.
"""
import os
import sys

import sesame
from sesame import password, phone
from sesame.identity import Directory, login_id

SCHOOL = {
    "guardians": [{"id": "G01", "civilite": "Mme", "nom": "LEFEVRE", "nom_naissance": None, "prenom": "Hélène",
                   "phone_mobile": "+33 6 12 34 56 78"}],
    "pupils": [{"id": "P01", "nom": "LEFEVRE", "prenom": "Lucas", "birthdate": "2014-03-12"}],
    "links": [{"guardian": "G01", "pupil": "P01", "relation": "mere", "responsabilite": "legal",
               "legal_representative": True}],
}
CLAIM = {"method": "form", "phone": "06 12 34 56 78", "family_name": "Lefèvre", "given_name": "HELENE",
         "pupils": [{"pupil": "P01", "legal_representative": True, "birthdate": "12 03 2014"}]}
NOW_MS = 1_764_300_000_000  # time is an argument: tests and examples pass it

number = phone.normalize(CLAIM["phone"])
assert number.ok and number.is_mobile
print(f"Python: phone {number.e164} ({number.masked})")

decision = Directory.from_json(SCHOOL).match(CLAIM, today="2026-11-28", now_ms=NOW_MS)
print(f"Python: decision {decision.status}, pupils {decision.pupils}: {decision.user_text}")

otp = sesame.OtpService.portal(os.urandom(32), 1, index_key=os.urandom(32))
code = otp.issue(number.e164, "activation", now_ms=NOW_MS)  # the host sends it by SMS
try:
    otp.issue(number.e164, "activation", now_ms=NOW_MS + 10_000)
except sesame.CooldownError as e:
    print(f"Python: a second SMS must wait {e.retry_after_s} s")
result = otp.verify("06.12.34.56.78", "activation", code, now_ms=NOW_MS + 60_000)  # any spelling of the number
print(f"Python: SMS code {result.status}")

context = {"names": ["Hélène", "LEFEVRE", "Lucas"], "dates": ["2014-03-12"], "phones": [CLAIM["phone"]]}
for pw in ("Lucas2014!", "Vélo-Rouge_sous la Lune#42"):
    r = password.check(pw, context=context)
    print(f"Python: {pw!r} valid={r.valid} strength={r.strength.score}/4 ({r.strength.label}) {r.strength.feedback}")
stored = password.hash("Vélo-Rouge_sous la Lune#42")
print(f"Python: verify {password.verify(stored, 'Vélo-Rouge_sous la Lune#42')}, login {login_id('LEFEVRE', 'Hélène')}")
sys.exit(0 if decision.status == "activated" and result.status == "ok" else 1)
