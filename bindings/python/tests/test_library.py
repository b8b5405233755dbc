"""The foundation through the Python binding: loading, version, error model."""
import os
import re
import shutil
import subprocess
import sys
import textwrap
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import sesame  # noqa: E402
from sesame import _errors, _ffi  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = Path(__file__).resolve().parents[3]
ffi, lib = _ffi.ffi, _ffi.lib


def run_python(code: str, **env_changes: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(SRC), PYTHONDONTWRITEBYTECODE="1")
    for k, v in env_changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


class LibraryTest(unittest.TestCase):
    def test_version_matches_package_and_header(self):
        self.assertEqual(sesame.library_version(), sesame.__version__)
        n = sesame.library_version_number()
        self.assertEqual(n // 10000, _ffi.ABI_MAJOR)
        self.assertEqual(_ffi.ABI_MAJOR, 1)
        self.assertEqual(_ffi.SONAME, "libsesame.so.1")
        self.assertEqual(sesame.library_version(), f"{n // 10000}.{n // 100 % 100}.{n % 100}")

    def test_build_info_through_size_query(self):
        info = sesame.build_info()
        self.assertTrue(info.startswith("sesame " + sesame.__version__))
        self.assertIn("libsodium", info)

    def test_init_is_idempotent(self):
        sesame.init()
        sesame.init()

    def test_error_model_raises_mapped_exception_with_detail(self):
        with self.assertRaises(sesame.InvalidArgumentError) as cm:
            sesame.check(lib.sesame_build_info(ffi.NULL, 0, ffi.NULL))
        err = cm.exception
        self.assertIsInstance(err, ValueError)  # idiomatic except works
        self.assertIsInstance(err, sesame.SesameError)
        self.assertEqual(err.code, -1)
        self.assertEqual(err.name, "SESAME_E_INVALID_ARGUMENT")
        self.assertIn("out_len", err.detail)
        self.assertIn("invalid argument", str(err))

    def test_buffer_too_small_is_its_own_class(self):
        n = ffi.new("size_t *")
        buf = ffi.new("char[]", 2)
        with self.assertRaises(sesame.BufferTooSmallError):
            sesame.check(lib.sesame_build_info(buf, 2, n))
        self.assertGreater(n[0], 2)

    def test_unknown_negative_status_is_still_a_failure(self):
        with self.assertRaises(sesame.SesameError) as cm:
            sesame.check(-4242)
        self.assertEqual(cm.exception.code, -4242)
        self.assertEqual(cm.exception.name, "")  # the library's name of an unknown status

    def test_exception_table_matches_the_c_enum(self):
        header = (ROOT / "include/sesame/errors.h").read_text()
        codes = {int(v): k for k, v in re.findall(r"(SESAME_E_\w+) = (-\d+)", header)}
        self.assertEqual(set(codes), set(_errors.BY_CODE))
        for code, cls in _errors.BY_CODE.items():
            self.assertEqual(cls.name, codes[code])
            self.assertEqual(cls.code, code)
            self.assertEqual(ffi.string(lib.sesame_status_name(code)).decode(), cls.name)
        # the codes are the generated module's, not retyped: every failing value of the enum has a class
        enum = ffi.typeof("sesame_status").elements
        self.assertEqual({v for v in enum if v < 0}, set(_errors.BY_CODE))

    def test_repair_utf8(self):
        self.assertEqual(sesame.repair_utf8(b"0\xff6"), "0\ufffd6")
        self.assertEqual(sesame.repair_utf8("Hélène".encode()), "Hélène")
        self.assertEqual(sesame.repair_utf8(b""), "")
        with self.assertRaises(TypeError):
            sesame.repair_utf8("text")  # type: ignore[arg-type]

    def test_wipe(self):
        b = bytearray(b"secret")
        sesame.wipe(b)
        self.assertEqual(b, bytearray(6))
        sesame.wipe(bytearray())
        with self.assertRaises(TypeError):
            sesame.wipe(b"immutable")  # type: ignore[arg-type]

    def test_functions_are_cached_after_first_use(self):
        f = lib.sesame_version_number
        self.assertIs(lib.sesame_version_number, f)
        self.assertIn("sesame_version_number", vars(lib))
        with self.assertRaises(AttributeError):
            lib.not_declared_anywhere  # noqa: B018  (not in the header: a plain AttributeError)

    def test_public_modules_declare_all(self):
        for mod in (sesame, sesame.phone, sesame.password, sesame.otp, sesame.identity, sesame.phone_audit,
                    sesame._args, sesame._errors, sesame._ffi, sesame._redis, sesame._sesame_cffi):
            self.assertTrue(mod.__all__, mod.__name__)
            for name in mod.__all__:
                self.assertTrue(hasattr(mod, name), f"{mod.__name__}.{name}")


class LoadingTest(unittest.TestCase):
    def test_missing_library_gives_clear_error(self):
        r = run_python("import sesame", SESAME_LIBRARY="/nonexistent/libsesame.so")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LibraryNotFound", r.stderr)
        self.assertIn("SESAME_LIBRARY", r.stderr)
        self.assertTrue(issubclass(sesame.LibraryNotFound, ImportError))

    def test_library_next_to_the_package_then_the_system_loader(self):
        lib_file = Path(_ffi.LIBRARY_PATH).resolve()
        tmp = Path(self.tmp())
        shutil.copytree(SRC / "sesame", tmp / "sesame", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(lib_file, tmp / "sesame" / "libsesame.so.1")
        code = "import sesame; print(sesame.library_path())"
        env = dict(os.environ, PYTHONPATH=str(tmp), PYTHONDONTWRITEBYTECODE="1")
        env.pop("SESAME_LIBRARY", None)
        r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), str(tmp / "sesame" / "libsesame.so.1"))
        (tmp / "sesame" / "libsesame.so.1").unlink()
        env["LD_LIBRARY_PATH"] = str(lib_file.parent)  # the system loader asked for libsesame.so.1
        r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), "libsesame.so.1")

    def tmp(self) -> str:
        import tempfile
        d = tempfile.mkdtemp(prefix="sesame-py-")
        self.addCleanup(shutil.rmtree, d, True)
        return d

    def stub(self, version_number: int, version: str) -> str:
        """A shared library with nothing but the version functions: an 'older' or foreign libsesame."""
        cc = shutil.which("cc") or shutil.which("gcc")
        if not cc:
            self.skipTest("no C compiler to build a stub library")
        d = Path(self.tmp())
        (d / "stub.c").write_text(textwrap.dedent(f"""
            #include <stdint.h>
            int32_t sesame_version_number(void) {{ return {version_number}; }}
            const char *sesame_version_string(void) {{ return "{version}"; }}
        """))
        out = d / "libsesame.so.1"
        subprocess.run([cc, "-shared", "-fPIC", "-o", str(out), str(d / "stub.c")], check=True)
        return str(out)

    def test_other_major_is_refused_at_import(self):
        for number, version in ((20000, "2.0.0"), (900, "0.9.0")):
            r = run_python("import sesame", SESAME_LIBRARY=self.stub(number, version))
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("LibraryNotFound", r.stderr)
            self.assertIn(f"libsesame {version}", r.stderr)
            self.assertIn("needs major 1", r.stderr)

    def test_missing_function_fails_only_when_used(self):
        code = textwrap.dedent("""
            import sesame
            print(sesame.library_version())
            try:
                sesame.phone.normalize("06 12 34 56 78")
            except sesame.FunctionNotFound as e:
                print("missing", e.function, isinstance(e, sesame.UnsupportedError), isinstance(e, NotImplementedError))
                print(e)
        """)
        r = run_python(code, SESAME_LIBRARY=self.stub(10000, "1.0.0-stub"))
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], "1.0.0-stub")  # import worked: nothing else was resolved
        self.assertRegex(lines[1], r"^missing sesame_phone_\w+ True True$")
        self.assertIn("is not in libsesame 1.0.0-stub", lines[2])
        self.assertIn("newer library of the same major", lines[2])


if __name__ == "__main__":
    unittest.main()
