<?php
// Writes the header for php.ini's ffi.preload: FFI_SCOPE "SESAME" + absolute FFI_LIB + declarations.
// Usage: php sesame-ffi-header.php OUT.h [/absolute/path/to/libsesame.so]
declare(strict_types=1);

require_once __DIR__ . '/../autoload.php';

if ($argc < 2 || in_array($argv[1], ['-h', '--help'], true)) {
    fwrite(STDERR, "usage: php sesame-ffi-header.php OUT.h [LIBRARY]\n");
    exit(2);
}
echo \Sesame\FFI::writeScopedHeader($argv[1], $argv[2] ?? null), "\n";
