"""The foundation through the Python binding: loading, version, error model."""
import ctypes
import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import sesame  # noqa: E402
from sesame import _errors, _ffi  # noqa: E402


class LibraryTest(unittest.TestCase):
    def test_version_matches_package_and_header(self):
        self.assertEqual(sesame.library_version(), sesame.__version__)
        n = sesame.library_version_number()
        self.assertEqual(n // 10000, _ffi.ABI_MAJOR)
        self.assertEqual(sesame.library_version(), f"{n // 10000}.{n // 100 % 100}.{n % 100}")

    def test_build_info_through_size_query(self):
        info = sesame.build_info()
        self.assertTrue(info.startswith("sesame " + sesame.__version__))
        self.assertIn("libsodium", info)

    def test_init_is_idempotent(self):
        sesame.init()
        sesame.init()

    def test_error_model_raises_mapped_exception_with_detail(self):
        lib = _ffi.lib()
        with self.assertRaises(sesame.InvalidArgumentError) as cm:
            sesame.check(lib.sesame_build_info(None, 0, None))
        err = cm.exception
        self.assertIsInstance(err, ValueError)  # idiomatic except works
        self.assertIsInstance(err, sesame.SesameError)
        self.assertEqual(err.code, -1)
        self.assertIn("out_len", err.detail)
        self.assertIn("invalid argument", str(err))

    def test_buffer_too_small_is_its_own_class(self):
        lib = _ffi.lib()
        n = ctypes.c_size_t(0)
        buf = ctypes.create_string_buffer(2)
        with self.assertRaises(sesame.BufferTooSmallError):
            sesame.check(lib.sesame_build_info(buf, 2, ctypes.byref(n)))
        self.assertGreater(n.value, 2)

    def test_unknown_negative_status_is_still_a_failure(self):
        with self.assertRaises(sesame.SesameError) as cm:
            sesame.check(-4242)
        self.assertEqual(cm.exception.code, -4242)

    def test_exception_table_matches_the_c_enum(self):
        lib = _ffi.lib()
        header = (Path(__file__).resolve().parents[3] / "include/sesame/errors.h").read_text()
        codes = {int(v): k for k, v in re.findall(r"(SESAME_E_\w+) = (-\d+)", header)}
        self.assertEqual(set(codes), set(_errors.BY_CODE))
        for code, cls in _errors.BY_CODE.items():
            self.assertEqual(cls.name, codes[code])
            self.assertEqual(lib.sesame_status_name(code).decode(), cls.name)

    def test_repair_utf8(self):
        self.assertEqual(sesame.repair_utf8(b"0\xff6"), "0\ufffd6")
        self.assertEqual(sesame.repair_utf8("Hélène".encode()), "Hélène")
        self.assertEqual(sesame.repair_utf8(b""), "")

    def test_missing_library_gives_clear_error(self):
        env = dict(os.environ, SESAME_LIBRARY="/nonexistent/libsesame.so")
        src = str(Path(__file__).resolve().parents[1] / "src")
        r = subprocess.run([sys.executable, "-c", "import sesame; sesame.library_version()"],
                           env=dict(env, PYTHONPATH=src), capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LibraryNotFound", r.stderr)
        self.assertIn("SESAME_LIBRARY", r.stderr)


if __name__ == "__main__":
    unittest.main()
