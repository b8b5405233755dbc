"""The activation journey of examples/web/, end to end, as a parent in Chromium would go through it,
on nginx + PHP-FPM + Redis Sentinel + SQL (tests/school.json; one family per test, so that the
per-number caps of one test never touch another)."""
import json
import os
import re
import signal
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import TIMEOUT, Parent

UNAVAILABLE = "momentanément indisponible"


def php_password_label(stack, password, context):
    """The meter's label computed by the library from the CLI, for the same password and context."""
    code = ('require getenv("AUTOLOAD"); $c = json_decode(getenv("CONTEXT"), true);'
            'echo \\Sesame\\Password::check(getenv("PW"), "portal", $c)->strength->label;')
    env = dict(os.environ, SESAME_LIBRARY=stack.library, PW=password, CONTEXT=json.dumps(context),
               AUTOLOAD=str(stack.dir / "srv/app/vendor/sesame/sesame/autoload.php"))
    return subprocess.run(["php", "-r", code], env=env, check=True, capture_output=True, text=True).stdout


def php_password_texts(stack, password):
    """The library's checklist labels and its sentence about unaccepted characters, from the CLI."""
    code = ('require getenv("AUTOLOAD"); echo json_encode(["labels" => \\Sesame\\Password::ruleLabels("fr", "portal"),'
            '"unaccepted" => \\Sesame\\Password::check(getenv("PW"), "portal")->unacceptedMessage]);')
    env = dict(os.environ, SESAME_LIBRARY=stack.library, PW=password,
               AUTOLOAD=str(stack.dir / "srv/app/vendor/sesame/sesame/autoload.php"))
    return json.loads(subprocess.run(["php", "-r", code], env=env, check=True, capture_output=True, text=True).stdout)


def described_error(p, field):
    """The error text tied to a field (aria-describedby) and its aria-invalid."""
    box = p.el(f"#{field}")
    assert box.get_attribute("aria-invalid") == "true"
    ids = box.get_attribute("aria-describedby").split()
    errors = [p.text(f"#{i}") for i in ids if i.endswith("-erreur")]
    assert errors, f"no error tied to {field}"
    return errors[0]


def test_full_activation_of_a_family_with_two_pupils(parent, stack):
    p = parent
    since = p.identify("Lefèvre", "HELENE", "06 12 34 56 01")
    assert p.path() == "/code"
    assert "Étape 2 sur 5" in p.text("header")
    assert p.text("#numero-masque") == "+33 6 •• •• •• 01"  # the number shown masked
    assert "06 12 34 56 01" not in p.d.page_source and "612345601" not in p.d.page_source
    p.type_code(p.code_sent(since, "+33612345601"))
    assert p.path() == "/eleves"
    legends = [e.text for e in p.els("fieldset.pupil legend")]
    assert legends == ["Lucas LEFEVRE", "Emma LEFEVRE"]  # the grandmother's contact link is not hers
    p.confirm_pupils({"P01": "12 03 2014", "P02": "30/09/2017"})
    assert p.path() == "/mot-de-passe"
    assert "Lucas, Emma" in p.text("#rattachement")
    p.set_password("Vélo-Rouge_sous la Lune#42")
    assert p.path() == "/termine"
    login = p.text("#identifiant")
    assert re.fullmatch(r"h\.lefevre\d{2}", login)
    assert "Votre compte est activé pour Lucas, Emma." in p.text("#confirmation")
    rows = stack.query("SELECT login, password_hash FROM accounts WHERE guardian_id = 'G01'")
    assert rows[0][0] == login and rows[0][1].startswith("$argon2id$")
    assert sorted(r[0] for r in stack.query("SELECT pupil_id FROM account_pupils WHERE guardian_id = 'G01'")) == ["P01", "P02"]


def test_a_wrong_code_then_the_right_one(parent, stack):
    p = parent
    since = p.identify("BENALI", "Karim", "+33 6 12 34 56 02")
    code = p.code_sent(since, "+33612345602")
    wrong = "000000" if code != "000000" else "111111"
    p.type_code(wrong)
    assert p.path() == "/code"
    assert described_error(p, "code") == "Code incorrect. Il vous reste 4\u00a0essais."
    assert "Le formulaire contient une erreur" in p.text("#erreurs")  # the summary, role=alert
    assert p.el("#erreurs").get_attribute("role") == "alert"
    p.type_code(code)
    assert p.path() == "/eleves"
    p.open("/code")  # the back button: the journey stays where it is
    assert p.path() == "/eleves"


def test_lockout_after_five_wrong_codes_and_the_resend_cooldown(parent, stack):
    p = parent
    since = p.identify("Garnier", "Sophie", "0612345603")
    code = p.code_sent(since, "+33612345603")
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1):
        p.type_code(wrong)
        assert described_error(p, "code").startswith(f"Code incorrect. Il vous reste {left}\u00a0essai")
    p.type_code(wrong)
    assert "ce code est bloqué" in described_error(p, "code")
    p.type_code(code)  # the right code no longer opens anything
    assert p.path() == "/code"
    assert "ce code est bloqué" in described_error(p, "code")
    sent = stack.sms_count()
    p.submit("#nouveau-code")
    assert re.search(r"Vous pourrez en demander un nouveau dans \d+\u00a0s\.", p.text("#information"))
    assert stack.sms_count() == sent  # no SMS during the cooldown


def test_the_checklist_ticks_rule_by_rule_and_the_meter_agrees_with_the_server(parent, stack):
    p = parent
    since = p.identify("Petit", "Claire", "06 12 34 56 04")
    p.type_code(p.code_sent(since, "+33612345604"))
    p.confirm_pupils({"P05": "20 11 2012"})
    assert p.path() == "/mot-de-passe"
    checklist = p.el("#checklist")
    assert checklist.get_attribute("aria-live") == "polite"
    box = p.el("#password")

    def states():
        return {li.get_attribute("data-rule"): li.get_attribute("class") == "ok" for li in p.els("#checklist li")}

    # The lines are the library's labels for the policy; a character the policy does not accept is
    # named by the library's sentence, and the sentence goes when the character does.
    texts = php_password_texts(stack, "€")
    shown = {li.get_attribute("data-rule"): li.find_element(By.CSS_SELECTOR, ".label").text for li in p.els("#checklist li")}
    assert shown == {rule: label for rule, label in texts["labels"].items() if rule != "allowed"}
    assert not p.el("#unaccepted").is_displayed()
    box.send_keys("€")
    p.wait(lambda d: checklist.get_attribute("data-length") == "1")
    assert texts["unaccepted"].startswith("€ ")
    assert p.text("#unaccepted") == texts["unaccepted"]
    box.send_keys(Keys.BACK_SPACE)
    p.wait(lambda d: checklist.get_attribute("data-length") == "0")
    assert not p.el("#unaccepted").is_displayed()
    expected = [("a", {"lower"}), ("B", {"lower", "upper"}), ("3", {"lower", "upper", "digit"}),
                ("!", {"lower", "upper", "digit", "special"}), ("x", {"lower", "upper", "digit", "special"}),
                ("y", {"lower", "upper", "digit", "special"}), ("z", {"lower", "upper", "digit", "special"}),
                ("w", {"lower", "upper", "digit", "special", "length"})]
    typed = ""
    for char, ok in expected:
        box.send_keys(char)
        typed += char
        # The answer for this very value (the page drops answers that arrive out of order).
        p.wait(lambda d: checklist.get_attribute("data-length") == str(len(typed)))
        assert {rule for rule, good in states().items() if good} == ok, typed
        marks = [li.find_element(By.CSS_SELECTOR, ".state").get_attribute("textContent") for li in p.els("#checklist li")]
        assert all(m in ("\u00a0: respectée", "\u00a0: pas encore respectée") for m in marks)
    context = {"names": ["Claire", "PETIT", "Hugo", "PETIT"], "dates": ["2012-11-20"], "phones": ["+33612345604"]}
    assert p.text("#meter-label") == php_password_label(stack, typed, context)
    for more in ["Hugo2012", "-sous la Lune"]:
        box.send_keys(more)
        typed += more
        p.wait(lambda d: checklist.get_attribute("data-length") == str(len(typed)))
        label = p.text("#meter-label")
        assert label in ("très faible", "faible", "moyen", "fort", "très fort")
        assert label == php_password_label(stack, typed, context)
        assert int(p.el("#meter").get_attribute("value")) in range(5)

    # A confirmation that differs: the error is tied to the confirmation field.
    p.set_password(typed, typed + "x")
    assert p.path() == "/mot-de-passe"
    assert described_error(p, "password_confirm") == "Les deux mots de passe ne sont pas identiques."
    assert p.el("#password").get_attribute("value") == ""  # passwords are never sent back
    p.set_password(typed)
    assert re.fullmatch(r"c\.petit\d{2}", p.text("#identifiant"))


def test_a_partial_activation(parent, stack):
    p = parent
    # Two parents share this phone: the names choose the mother (her birth name is MARTIN).
    since = p.identify("Martin", "Nathalie", "06 12 34 56 05")
    p.type_code(p.code_sent(since, "+33612345605"))
    p.confirm_pupils({"P06": "28 02 2011", "P07": "15 07 2016"})  # Tom's date is wrong
    assert p.path() == "/mot-de-passe"
    assert "Votre compte sera activé pour 1\u00a0enfant\u00a0: Chloé." in p.text("#rattachement")
    p.set_password("Chloé-au-Jardin#2024")
    assert "Votre compte est activé pour Chloé." in p.text("#confirmation")
    assert stack.query("SELECT pupil_id FROM account_pupils WHERE guardian_id = 'G05'") == [["P06"]]


def test_consecutive_requests_are_served_by_different_workers_sharing_one_challenge(parent, stack):
    p = parent
    p.open("/")
    seen = {p.worker()}
    for _ in range(2 * stack.workers):
        p.open("/")
        seen.add(p.worker())
    assert len(seen) == stack.workers, seen  # every FPM worker answers
    header = p.d.execute_async_script(
        "const done = arguments[0]; fetch('/sante').then(r => done(r.headers.get('X-Sesame-Worker')));")
    assert header.isdigit()
    since = p.identify("Rousseau", "Julie", "06 12 34 56 06")
    issued, _ = p.otp_workers()
    p.type_code(p.code_sent(since, "+33612345606"))
    assert p.path() == "/eleves"
    issued_again, verified = p.otp_workers()
    assert issued == issued_again and verified
    assert issued != verified, "the code was issued and verified by the same worker"


def test_a_franceconnect_arrival_replaces_the_typed_names(parent, stack):
    p = parent
    p.open("/")
    p.el("#franceconnect").click()
    p.wait(lambda d: "FranceConnect (simulation)" in p.text("main"))
    p.fill({"given_name": "Jean-Pierre Marie", "family_name": "DUPONT", "birthdate": "1980-05-17"})
    p.submit()
    assert p.path() == "/"
    assert p.text("#identite-franceconnect").endswith("Jean-Pierre Marie DUPONT")
    assert not p.els('[name="nom"]')  # the names come from FranceConnect, not typed
    before = stack.sms_count()
    p.fill({"mobile": "06 12 34 56 08"})
    p.submit()
    p.type_code(p.code_sent(before, "+33612345608"))
    assert [e.text for e in p.els("fieldset.pupil legend")] == ["Manon DUPONT"]


def test_the_journey_works_without_javascript(browser_without_js, stack):
    p = Parent(browser_without_js, stack)
    since = p.identify("Lambert", "Aurélie", "06 12 34 56 10")
    p.type_code(p.code_sent(since, "+33612345610"))
    p.confirm_pupils({"P13": "01 01 2014"})
    p.set_password("abc")
    assert "ne respecte pas toutes les règles" in described_error(p, "password")
    states = {li.get_attribute("data-rule"): li.get_attribute("class") for li in p.els("#checklist li")}
    assert states == {"upper": "ko", "lower": "ok", "digit": "ko", "special": "ko", "length": "ko"}
    assert p.text("#meter-label") != ""
    p.set_password("Gabriel*Lambert-2014x")
    assert re.fullmatch(r"a\.lambert\d{2}", p.text("#identifiant"))


def test_csrf_is_checked_and_the_session_cookie_is_httponly_and_samesite(parent, stack):
    p = parent
    p.open("/")
    cookie = next(c for c in p.d.get_cookies() if c["name"] == "ent_session")
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    status = p.d.execute_async_script("""
        const done = arguments[0];
        fetch('/identification', {method: 'POST', body: new URLSearchParams({nom: 'X', prenom: 'Y', mobile: '0612345699'})})
          .then(r => done(r.status));""")
    assert status == 400
    p.open("/")
    for form in p.els("form[method=post]"):
        assert form.find_element(By.CSS_SELECTOR, 'input[name="csrf"]').get_attribute("value")


def test_an_unknown_parent_gets_the_generic_message_and_no_sms(parent, stack):
    p = parent
    since = p.identify("Lefèvre", "Monique", "06 12 34 56 11")  # a grandmother: a contact, not a legal representative
    assert p.path() == "/identification"
    assert "Nous n’avons pas pu vous identifier" in p.text("#alerte")
    since2 = p.identify("Inconnu", "Paul", "06 12 34 56 99")
    assert "Nous n’avons pas pu vous identifier" in p.text("#alerte")
    assert stack.sms_count() == since2 == since
    p.identify("Petit", "Claire", "01 23 45 67 89")
    assert described_error(p, "mobile").startswith("Saisissez un numéro de téléphone mobile")


def test_the_redis_master_killed_in_the_middle_of_a_journey(parent, stack, capsys):
    p = parent
    since = p.identify("Faure", "Camille", "06 12 34 56 07")
    code = p.code_sent(since, "+33612345607")
    master = stack.master_port()
    # The challenge has reached both replicas (a process event, not a delay).
    assert stack.redis(master, "WAIT", "2", "5000") == "2"
    os.kill(stack.redis_pid(master), signal.SIGKILL)
    killed_at = time.monotonic()

    wrong = "000000" if code != "000000" else "111111"
    p.type_code(wrong)
    assert p.path() == "/code"
    page = p.text("main")
    assert UNAVAILABLE in page or "Code incorrect" in page  # never accepted
    unavailable = 1 if UNAVAILABLE in page else 0

    answers = []

    def verified(_):
        p.type_code(code)
        page = p.text("main")
        answers.append(page)
        return UNAVAILABLE not in page

    p.wait(verified, timeout=60)
    elapsed = time.monotonic() - killed_at
    unavailable += sum(UNAVAILABLE in a for a in answers)
    assert p.path() == "/eleves", answers[-1]
    assert unavailable >= 1  # the page said so while there was no master
    new_master = stack.master_port()
    assert new_master != master and new_master in stack.redis_ports  # Sentinel promoted a replica
    with capsys.disabled():
        print(f"\n[failover] master killed -> first successful verify: {elapsed:.1f} s, "
              f"{unavailable} request(s) answered unavailable")

    # Sentinel may still be reconfiguring the other replica (wait_replicas=1 needs one): the
    # parent, like the test, retries while the page says the service is unavailable.
    def confirmed(_):
        p.confirm_pupils({"P09": "04 04 2013"})
        return UNAVAILABLE not in p.text("main")

    p.wait(confirmed, timeout=60)
    assert p.path() == "/mot-de-passe"
    p.set_password("Nathan&Camille-2013!")
    assert re.fullmatch(r"c\.faure\d{2}", p.text("#identifiant"))

    # The used code never verifies again, on the promoted master: a new session, same parent.
    q = Parent(p.d, stack)
    p.d.delete_all_cookies()
    q.identify("Faure", "Camille", "06 12 34 56 07")

    def answered(_):
        q.type_code(code)
        return UNAVAILABLE not in q.text("main")

    q.wait(answered, timeout=60)
    assert q.path() == "/code"
    assert re.search(r"n’est plus valable|Code incorrect", described_error(q, "code"))
    stack.wait_for_a_replica()


@pytest.mark.postgres
def test_a_full_journey_on_postgresql(parent, stack):
    assert stack.db == "postgres"
    p = parent
    since = p.identify("MOREAU", "Isabelle", "06 12 34 56 09")
    p.type_code(p.code_sent(since, "+33612345609"))
    p.confirm_pupils({"P11": "05 05 2012", "P12": "08 08 2018"})
    p.set_password("Louis+Jade=2 enfants!")
    login = p.text("#identifiant")
    assert re.fullmatch(r"i\.moreau\d{2}", login)
    assert stack.query("SELECT login FROM accounts WHERE guardian_id = 'G09'") == [[login]]
    assert stack.query("SELECT count(*) FROM account_pupils WHERE guardian_id = 'G09'") == [["2"]]


def test_no_personal_data_in_the_logs(stack):
    """Runs last on its stack: nothing the parents typed or received is in any log."""
    with open(os.path.join(os.path.dirname(__file__), "school.json"), encoding="utf-8") as f:
        school = json.load(f)
    secrets = set()
    for g in school["guardians"]:
        secrets |= {g["nom"], g["prenom"], re.sub(r"\D", "", g["phone_mobile"])[-9:]}
    for pupil in school["pupils"]:
        secrets |= {pupil["prenom"], pupil["birthdate"]}
    secrets |= {re.search(r"\b(\d{6})\b", m["text"]).group(1) for m in stack.sms(0)}
    secrets |= {"Lefèvre", "HELENE", "Vélo-Rouge", "Chloé-au-Jardin", "06 12 34"}
    logs = stack.logs()
    assert "nginx-access.log" in logs and "php-error.log" in logs
    for name, text in logs.items():
        found = sorted(s for s in secrets if s and re.search(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", text))
        assert not found, f"{name} holds {found}"
    assert "sesame-web identification: ok guardian=" in logs["php-error.log"]
    assert "POST /identification" in logs["nginx-access.log"]
