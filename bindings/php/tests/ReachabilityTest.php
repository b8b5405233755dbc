<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\FFI;

/**
 * Every exported function of the library (abi/symbols.txt) is reachable from PHP: declared in the
 * FFI the binding parses (ffi/sesame_ffi.h) and called by the binding's source (bindings/php/src).
 * A new C function fails this test until the binding wraps it or the allowlist below says why not.
 */
final class ReachabilityTest extends TestCase
{
    /**
     * Symbols the binding deliberately does not call, each with its reason. Empty today: every
     * function of the 1.0 ABI has a PHP entry point. (The callbacks sesame_login_taken_fn and
     * sesame_progress_cb are parameters, not symbols: loginId() passes NULL, the audit no progress.)
     */
    private const ALLOWLIST = [];

    /** @return list<string> the exported names, without their version tags */
    private static function symbols(): array
    {
        $lines = file(__DIR__ . '/../../../abi/symbols.txt', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
        $names = array_map(static fn (string $l): string => explode('@', trim($l))[0], $lines);
        return array_values(array_filter($names, static fn (string $n): bool => $n !== '' && $n[0] !== '#'));
    }

    private static function source(): string
    {
        $text = '';
        foreach (glob(__DIR__ . '/../src/*.php') as $file) {
            $text .= file_get_contents($file) . "\n";
        }
        return $text;
    }

    public function testSymbolsListIsNotEmpty(): void
    {
        $this->assertGreaterThan(80, count(self::symbols()));
    }

    public function testEverySymbolIsDeclaredInTheParsedFfi(): void
    {
        $ffi = FFI::get();
        $missing = [];
        foreach (self::symbols() as $sym) {
            try {
                $ffi->$sym; // a declared function reads as a function pointer; an undeclared name throws
            } catch (\FFI\Exception $e) {
                $missing[] = $sym;
            }
        }
        $this->assertSame([], $missing, 'exported but not declared in ffi/sesame_ffi.h');
    }

    public function testEverySymbolIsCalledByTheBinding(): void
    {
        $source = self::source();
        $unused = [];
        foreach (self::symbols() as $sym) {
            if (!isset(self::ALLOWLIST[$sym]) && preg_match('/\b' . preg_quote($sym, '/') . '\b/', $source) !== 1) {
                $unused[] = $sym;
            }
        }
        $this->assertSame([], $unused, 'exported but not reachable from bindings/php/src (wrap it or allowlist it with a reason)');
    }

    public function testAllowlistHoldsOnlyExportedUnusedSymbols(): void
    {
        $symbols = array_flip(self::symbols());
        $source = self::source();
        $this->assertIsArray(self::ALLOWLIST);
        foreach (self::ALLOWLIST as $sym => $reason) {
            $this->assertArrayHasKey($sym, $symbols, "$sym is allowlisted but not exported");
            $this->assertNotSame('', $reason);
            $this->assertSame(0, preg_match('/\b' . preg_quote($sym, '/') . '\b/', $source), "$sym is used: drop it from the allowlist");
        }
    }

    public function testNoSymbolOutsideTheAbiIsCalled(): void
    {
        // The other way round: a name the binding calls that the library does not export (a typo,
        // a function removed from the ABI) would only fail when reached.
        preg_match_all('/\b(sesame_[A-Za-z0-9_]+)\b(?!\.h)/', self::source(), $m);
        $symbols = array_flip(self::symbols());
        $ffi = FFI::get();
        $unknown = [];
        foreach (array_unique($m[1]) as $name) {
            if (isset($symbols[$name])) {
                continue;
            }
            try {
                $ffi->type("$name *"); // a type name (sesame_phone_result, the opaque sesame_directory...) is fine
            } catch (\FFI\Exception $e) {
                $unknown[] = $name;
            }
        }
        $this->assertSame([], $unknown);
    }
}
