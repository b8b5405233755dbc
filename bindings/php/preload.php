<?php
// opcache.preload script for PHP-FPM: binds libsesame once, under the FFI scope "SESAME", and
// compiles the binding's classes; every request then gets the library with FFI::scope('SESAME')
// (Sesame\FFI::get() does this).
//
// Why a preload step at all: php.ini's default `ffi.enable=preload` forbids FFI::cdef in web
// requests; only code loaded at start-up (opcache.preload, or ffi.preload) may bind a C library.
//
// Two ways, pick the one your FPM allows:
// 1. ffi.preload (works when the FPM master runs as root, the usual case):
//      php bindings/php/bin/sesame-ffi-header.php /etc/php/8.2/sesame_ffi.h [/path/libsesame.so.1]
//      ffi.preload=/etc/php/8.2/sesame_ffi.h
//    and optionally opcache.preload=<this file> to precompile the classes (it skips FFI::load).
// 2. opcache.preload=<this file> alone, when PHP does not run as root: PHP refuses FFI::load
//    together with opcache.preload_user, which root requires.
declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

(static function (): void {
    $scoped = false;
    try {
        \FFI::scope(\Sesame\FFI::SCOPE);
        $scoped = true; // already bound by ffi.preload
    } catch (\Throwable $e) {
    }
    if (!$scoped && (string) ini_get('opcache.preload_user') === '') {
        $header = sys_get_temp_dir() . '/sesame_ffi_' . getmypid() . '.h';
        \Sesame\FFI::writeScopedHeader($header);
        \FFI::load($header);
        unlink($header);
    }
    $included = array_flip(array_map('realpath', get_included_files()));
    foreach (glob(__DIR__ . '/src/*.php') as $php) {
        if (!isset($included[realpath($php)])) {
            opcache_compile_file($php);
        }
    }
})();
