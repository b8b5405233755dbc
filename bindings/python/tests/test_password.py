"""The password module through the Python binding (same answers as the CLI and the C ABI)."""
import json
import random
import subprocess
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import sesame  # noqa: E402
from sesame import password  # noqa: E402


class PasswordCheckTest(unittest.TestCase):
    def test_cli_keys_as_attributes(self):
        r = password.check("Soleil2015!")
        self.assertTrue(r.valid)
        self.assertIsNone(r.error)
        self.assertEqual(r.length, 11)
        self.assertTrue(r.rules.upper and r.rules.lower and r.rules.digit and r.rules.special and r.rules.length)
        self.assertLessEqual(r.strength.score, 1)
        self.assertIn(r.strength.label, ("très faible", "faible"))
        self.assertIsInstance(r.strength.guesses_log10, float)
        self.assertIn("date", r.strength.feedback)
        self.assertEqual(len(r.strength.messages), len(r.strength.feedback))
        self.assertEqual(set(r.to_dict()), {"valid", "error", "length", "rules", "strength", "unaccepted",
                                            "unaccepted_message"})

    def test_tricky_classes(self):
        self.assertTrue(password.check("ABCDEF1\u00b5").rules.special)   # micro sign
        self.assertFalse(password.check("ABCDEF1\u03bc").rules.special)  # Greek mu
        self.assertTrue(password.check("ABCDEF1\u03bc").rules.lower)
        self.assertEqual(password.check("E\u0301ric12!x").length, 8)       # NFD composed
        self.assertFalse(password.check("\uff21bcdef1\uff01").rules.special)  # fullwidth !
        self.assertTrue(password.check("Abcdef!\u0663").rules.digit)     # Arabic-Indic three
        self.assertFalse(password.check("Abcdef1=\u0338").rules.special)  # composes to ≠
        self.assertTrue(password.check("Abcdef12#\ufe0f\u20e3").valid)    # keycap #
        self.assertTrue(password.check("\u0130stanbul1!").rules.upper)
        self.assertFalse(password.check("\u00c9\u00e9\u00e81!\u00e0\u00e7").rules.length)  # 7 cp, 14 bytes

    def test_errors(self):
        r = password.check(b"Abcdef1!\xff")
        self.assertEqual(r.error, "invalid_utf8")
        self.assertIsNone(r.length)
        self.assertIsNone(r.strength)
        self.assertFalse(r.valid)
        self.assertEqual(password.check("Abc\tdef1!").error, "control_char")
        self.assertEqual(password.check("Abc\x00def1!").error, "control_char")
        self.assertEqual(password.check("\ud800abc").error, "invalid_utf8")  # lone surrogate
        r = password.check("A1!" + "a" * 126)
        self.assertEqual(r.error, "too_long")
        self.assertEqual(r.length, 129)
        self.assertIsNone(password.check("a" * 513).length)
        self.assertEqual(password.check("A1!" + "a" * 125).length, 128)

    def test_policies(self):
        self.assertFalse(password.check("Soleil2015!", policy="cnil2022").valid)
        self.assertTrue(password.check("Abcdefghijklm1", policy="cnil2022").valid)
        with self.assertRaises(sesame.NotFoundError):
            password.check("x", policy="nist")
        custom = {"alternatives": [{"min_length": 4, "classes": ["digit"]}], "forbid_other": True}
        r = password.check("12 34", policy=custom)
        self.assertFalse(r.valid)
        self.assertFalse(r.rules.allowed)
        with password.Policy.from_json(custom) as p:
            self.assertTrue(password.check("1234", policy=p).valid)
            self.assertEqual(p.to_json()["alternatives"][0]["min_length"], 4)
        with self.assertRaises(sesame.InvalidArgumentError):
            password.Policy.from_json({"max_length": 300})
        with self.assertRaises(sesame.ParseError):
            password.Policy.from_json("{")

    def test_context_lowers_the_score(self):
        ctx = {"names": ["Lucas", "Hélène Martin"], "dates": ["2014-03-12"], "phones": ["06 12 34 56 78"]}
        r = password.check("Lucas2014!", context=ctx, lang="en")
        self.assertLessEqual(r.strength.score, 1)
        self.assertIn("context", r.strength.feedback)
        self.assertIn(r.strength.label, ("very weak", "weak"))
        built = password.Context(names=["Zorglub"], dates=["1985-04-02"], login="z.orglub")
        self.assertLess(password.check("Zorglub0204!", context=built).strength.guesses_log10,
                        password.check("Zorglub0204!").strength.guesses_log10)
        with self.assertRaises(sesame.InvalidArgumentError):
            password.check("x", context={"dates": ["2014-02-30"]})
        with self.assertRaises(sesame.InvalidArgumentError):
            password.Context(dates=["12/03/2014"])

    def test_meter_examples(self):
        self.assertLessEqual(password.check("azerty").strength.score, 1)
        self.assertLessEqual(password.check("&\u00e9\"'(-\u00e8_\u00e7\u00e0").strength.score, 1)
        self.assertIn("keyboard_walk", password.check("&\u00e9\"'(-\u00e8_\u00e7\u00e0").strength.feedback)
        rng = random.Random(4)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!?@#$%&*"
        for _ in range(20):
            pw = "".join(rng.choice(alphabet) for _ in range(16))
            self.assertEqual(password.check(pw).strength.score, 4, pw)
        self.assertIsNone(password.check("Soleil2015!", strength=False).strength)

    def test_labels_and_messages(self):
        self.assertEqual(password.score_label(0), "très faible")
        self.assertEqual(password.score_label(4, "en"), "very strong")
        self.assertEqual(password.rule_label("upper"), "Au moins une lettre majuscule")
        self.assertEqual(password.rule_label("length"), "Au moins 8 caractères (128 au maximum)")
        self.assertTrue(password.rule_label("special", "en").startswith("At least one special character among ! ? @ #"))
        self.assertEqual(password.rule_label("length", "en", policy="cnil2022", alternative=1),
                         "At least 14 characters, or 12 with a special character (128 at most)")
        self.assertEqual(password.rule_label("length", policy="cnil2022"),
                         "Au moins 12 caractères, ou 14 sans caractère spécial (128 au maximum)")
        self.assertTrue(password.rule_label("special", policy="cnil2022").endswith(" / : (facultatif à partir de 14 caractères)"))
        labels = password.rule_labels("fr")
        self.assertEqual(list(labels), ["upper", "lower", "digit", "special", "length", "allowed"])

    def test_characters_outside_the_policy_are_named(self):
        r = password.check("Soleil2015€")
        self.assertFalse(r.rules.special)
        self.assertEqual(r.unaccepted, "€")
        self.assertTrue(r.unaccepted_message.startswith("€ n’est pas un caractère spécial accepté ; caractères "
                                                        "spéciaux acceptés : ! ? @ #"), r.unaccepted_message)
        r = password.check("So leil~2015", lang="en")
        self.assertEqual(r.unaccepted, " ~")
        self.assertTrue(r.unaccepted_message.startswith("the space and ~ are not accepted special characters"))
        ok = password.check("Soleil2015€!")
        self.assertEqual(ok.unaccepted, "€")
        self.assertIsNone(ok.unaccepted_message)  # allowed, and a special is there: nothing to say
        self.assertIsNone(password.check("Lucas2014!").unaccepted)
        strict = password.check("Soleil2015€!", policy={"forbid_other": True})
        self.assertIn("n’est pas autorisé", strict.unaccepted_message)
        with self.assertRaises(ValueError):
            password.check("x", lang="de")

    def test_same_answer_as_the_cli(self):
        cli = Path(__import__("os").environ["SESAME_LIBRARY"]).resolve().parents[0] / "sesame"
        if not cli.exists():
            self.skipTest("CLI not built next to the library")
        lines = ["Soleil2015!", "azerty", "Éric-µ12", "ab\tc"]
        out = subprocess.run([str(cli), "password", "check"], input="\n".join(lines) + "\n", capture_output=True,
                             text=True, check=True).stdout.splitlines()
        for line, got in zip(lines, out):
            self.assertEqual(json.loads(got), password.check(line).to_dict(), line)


class PasswordConfirmHashTest(unittest.TestCase):
    def test_confirm(self):
        self.assertTrue(password.confirm("\u00c9ric-2014!", "E\u0301ric-2014!"))
        self.assertFalse(password.confirm("abc", "abd"))
        self.assertFalse(password.confirm("a\tb", "a\tb"))

    def test_hash_verify_nfc_vs_nfd(self):
        h = password.hash("\u00c9ric-\u00b5-2014!")  # interactive limits: the minimum accepted
        self.assertTrue(h.startswith("$argon2id$"))
        self.assertTrue(password.verify(h, "E\u0301ric-\u00b5-2014!"))
        self.assertFalse(password.verify(h, "\u00c9ric-\u03bc-2014!"))
        self.assertFalse(password.verify("garbage", "x"))
        self.assertFalse(password.needs_rehash(h))
        self.assertTrue(password.needs_rehash(h, ops_limit=3))
        with self.assertRaises(sesame.InvalidArgumentError):
            password.hash("x", ops_limit=1)
        with self.assertRaises(sesame.InvalidUtf8Error):
            password.hash(b"\xff")


if __name__ == "__main__":
    unittest.main()
