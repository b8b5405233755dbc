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


    # Issue 19: the secretary's view.
    def test_line_is_the_spreadsheet_row(self):
        r = sesame.audit_phones(data=b"nom;tel\nA;0612345678\n\nMARTIN;01 23 45 67 89\n", column="tel")
        self.assertEqual(r["problems"][0]["row"], 2)
        self.assertEqual(r["problems"][0]["line"], 4)
        self.assertEqual(r["problems"][0]["message"], "ne peut pas recevoir le SMS : pas un mobile (fixe)")
        r = sesame.audit_phones(data=b"nom;tel\nMARTIN;01 23 45 67 89\n", column="tel", lang="en")
        self.assertEqual(r["problems"][0]["message"], "cannot receive the SMS: not a mobile (landline)")
        with self.assertRaises(ValueError):
            sesame.audit_phones(data=b"tel\n", column="tel", lang="de")

    def test_columns_forgiven_and_listed(self):
        csv = "Nom;Tél. portable resp. 1;Tél. portable resp. 2\nA;0612345678;0698765432\n".encode()
        r = sesame.audit_phones(data=csv, column="TEL PORTABLE RESP 2")
        self.assertEqual((r["column"], r["column_index"], r["column_match"]), ("Tél. portable resp. 2", 2, "folded"))
        with self.assertRaises(sesame.ColumnError) as e:
            sesame.audit_phones(data=csv, column="portable")
        self.assertEqual(e.exception.candidates, ("Tél. portable resp. 1", "Tél. portable resp. 2"))
        self.assertEqual(e.exception.columns, ("Nom", "Tél. portable resp. 1", "Tél. portable resp. 2"))
        self.assertIsInstance(e.exception, sesame.NotFoundError)
        with self.assertRaises(sesame.ColumnError) as e:
            sesame.audit_phones_summary(data=csv, column="courriel")
        self.assertEqual(e.exception.candidates, ())
        self.assertIn('"Nom"', str(e.exception))
        with self.assertRaises(sesame.NotFoundError) as empty:
            sesame.audit_phones(data=b"", column="tel")
        self.assertNotIsInstance(empty.exception, sesame.ColumnError)
        cols = sesame.audit_columns(data=csv, column="mobile")
        self.assertEqual(cols["match"], "contains")
        self.assertIsNone(cols["column"])
        self.assertEqual(sesame.audit_columns(data=csv)["columns"][0], "Nom")
        with tempfile.NamedTemporaryFile(suffix=".csv") as f:
            f.write(b"nom,GSM\n")
            f.flush()
            self.assertEqual(sesame.audit_columns(f.name, column="portable")["column"], "GSM")

    def test_utf16_export(self):
        data = "Nom\tTéléphone portable\r\nLÉVY\t06 12 34 56 78\r\n".encode("utf-16")  # BOM + native order
        r = sesame.audit_phones(data=data, column="portable")
        self.assertEqual(r["summary"]["mobile"], 1)
        self.assertIn(r["encoding"], ("utf-16le", "utf-16be"))
        self.assertEqual(r["delimiter"], "\t")
        r = sesame.audit_phones(data="tel\n0612345678\n".encode("utf-16-be"), column="tel", encoding="utf-16-be")
        self.assertEqual(r["summary"]["mobile"], 1)
        self.assertEqual(set(sesame.phone_audit.ENCODINGS), {"utf-8", "cp1252", "utf-16-le", "utf-16-be"})

    def test_rows_one_at_a_time(self):
        csv = "nom;tel\r\nLÉVY;06 12 34 56 78\r\n\r\nB;x\r\nC;+33612345678".encode("cp1252")
        rows = list(sesame.audit_rows(data=csv, column="tel", header=True))
        self.assertEqual([r.row for r in rows], [0, 1, 2, 3])
        self.assertEqual([r.line for r in rows], [1, 2, 4, 5])
        self.assertIsNone(rows[0].outcome)
        self.assertEqual(rows[0].fields, ("nom", "tel"))
        self.assertEqual(rows[1].raw, "LÉVY;06 12 34 56 78")
        self.assertEqual(rows[1].encoding, "windows-1252")
        self.assertEqual(rows[2].gap, "\r\n")
        self.assertEqual((rows[2].outcome, rows[2].error, rows[2].e164), ("invalid", "invalid_character", None))
        self.assertEqual((rows[3].e164, rows[3].type, rows[3].same_as_line), ("+33612345678", "mobile", 2))
        self.assertEqual(rows[3].line_end, "")
        self.assertEqual([r.row for r in sesame.audit_rows(data=csv, column="tel")], [1, 2, 3])
        # Leaving early stops the worker; errors come out of the iteration.
        big = b"tel\n" + b"06 12 34 56 78\n" * 100000
        it = sesame.audit_rows(data=big, column="tel")
        self.assertEqual(next(it).row, 1)
        it.close()
        with self.assertRaises(sesame.ColumnError):
            list(sesame.audit_rows(data=csv, column="courriel"))
        with self.assertRaises(sesame.ParseError):
            list(sesame.audit_rows(data=b'tel\n"06', column="tel"))

    def test_on_row_callable(self):
        seen = []
        r = sesame.audit_phones(data=b"tel\n0612345678\n0123456789\n", column="tel", on_row=seen.append)
        self.assertEqual([x.row for x in seen], [0, 1, 2])
        self.assertEqual(r["rows"], 2)
        with self.assertRaises(sesame.CancelledError):
            sesame.audit_phones(data=b"tel\n0612345678\n", column="tel", on_row=lambda row: row.row == 0)

        def boom(row):
            raise RuntimeError("boom")
        with self.assertRaises(RuntimeError):
            sesame.audit_phones_summary(data=b"tel\n0612345678\n", column="tel", on_row=boom)


if __name__ == "__main__":
    unittest.main()
