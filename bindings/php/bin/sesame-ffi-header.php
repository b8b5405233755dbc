#!/usr/bin/env php
<?php
// Writes the header for php.ini's ffi.preload: FFI_SCOPE "SESAME" + absolute FFI_LIB + declarations.
// Usage: php sesame-ffi-header.php OUT.h [/absolute/path/to/libsesame.so.1]
// Without LIBRARY: SESAME_LIBRARY, then lib/ of this package, then /usr/local/lib,
// /usr/lib/<multiarch>, /usr/lib. The library is checked (absolute, present, loadable, major 1)
// before anything is written: a wrong FFI_LIB stops PHP-FPM at start-up ("Failed pre-loading").
// The declarations come from SESAME_FFI_HEADER, include/sesame_ffi.h of this package, or
// <prefix>/share/sesame/sesame_ffi.h (cmake --install).
declare(strict_types=1);

require_once __DIR__ . '/../autoload.php'; // this package's (also when run as vendor/bin/sesame-ffi-header.php)

if ($argc < 2 || in_array($argv[1], ['-h', '--help'], true)) {
    fwrite(STDERR, "usage: php sesame-ffi-header.php OUT.h [LIBRARY]\n");
    exit(2);
}
try {
    $path = \Sesame\FFI::writeScopedHeader($argv[1], $argv[2] ?? null);
} catch (\Sesame\DeploymentException $e) {
    fwrite(STDERR, 'sesame-ffi-header: ' . $e->getMessage() . "\n");
    exit(1);
}
echo $path, "\n";
