"""sesame.audit_phones through the C ABI."""
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import sesame  # noqa: E402

CSV = ("nom;Téléphone\r\nA;06 12 34 56 78\r\nB;01 23 45 67 89\r\nC;0692 12 34 56\r\nD;\r\n"
       "E;Tél 06\r\nF;+33 6 12 34 56 78\r\n").encode("cp1252")


class PhoneAuditTest(unittest.TestCase):
    def test_windows1252_file(self):
        with tempfile.NamedTemporaryFile(suffix=".csv") as f:
            f.write(CSV)
            f.flush()
            r = sesame.audit_phones(f.name, column="Téléphone")
        self.assertEqual(r["rows"], 6)
        self.assertEqual(r["summary"], {"mobile": 3, "not_mobile": 1, "invalid": 1, "empty": 1, "overseas": 1,
                                        "outside_metadata": 0})
        self.assertEqual(r["shared_numbers"], [{"e164": "+33612345678", "rows": [1, 6], "lines": [2, 7]}])
        self.assertEqual([p["row"] for p in r["problems"]], [2, 4, 5])
        self.assertEqual(r["problems"][2]["input"], "Tél 06")
        self.assertEqual(r["problems"][2]["error"], "invalid_character")
        self.assertEqual(r["encoding"], "windows-1252")

    def test_buffer_and_errors(self):
        r = sesame.audit_phones(data=b"tel\n0612345678\n", column="tel")
        self.assertEqual(r["summary"]["mobile"], 1)
        with self.assertRaises(sesame.NotFoundError):
            sesame.audit_phones(data=b"tel\n", column="courriel")
        with self.assertRaises(sesame.ParseError):
            sesame.audit_phones(data=b'tel\n"06', column="tel")
        with self.assertRaises(sesame.IoError):
            sesame.audit_phones("/nonexistent/file.csv", column="tel")
        with self.assertRaises(ValueError):
            sesame.audit_phones(data=b"tel\n", column="tel", delimiter="|")

    def test_progress_can_stop(self):
        data = b"tel\n" + b"06 12 34 56 78\n" * 20000
        seen = []
        r = sesame.audit_phones(data=data, column="tel", progress=lambda d, t: seen.append((d, t)))
        self.assertEqual(r["rows"], 20000)
        self.assertEqual(seen[-1], (len(data), len(data)))
        with self.assertRaises(sesame.CancelledError):
            sesame.audit_phones(data=data, column="tel", progress=lambda d, t: False)

    def test_progress_exception_propagates(self):
        def boom(d, t):
            raise RuntimeError("boom")
        with self.assertRaises(RuntimeError):
            sesame.audit_phones(data=b"tel\n0612345678\n", column="tel", progress=boom)


if __name__ == "__main__":
    unittest.main()
