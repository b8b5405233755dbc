<?php
// opcache.preload script for PHP-FPM: binds libsesame once, under the FFI scope "SESAME", and
// preloads the binding's classes; every request then gets the library with FFI::scope('SESAME')
// (Sesame\FFI::get() does this).
//
// Why both steps: php.ini's default `ffi.enable=preload` forbids FFI::cdef in web requests, and
// lets FFI::scope() be called only from preloaded code. So the library must be bound at start-up
// (ffi.preload, or FFI::load here) AND this package must be preloaded by opcache.preload, so that
// Sesame\FFI, which calls FFI::scope(), is preloaded code. ffi.preload alone is not enough.
//
//   php vendor/bin/sesame-ffi-header.php /etc/php/8.2/sesame_ffi.h /usr/local/lib/libsesame.so.1
//   ffi.enable=preload
//   ffi.preload=/etc/php/8.2/sesame_ffi.h        ; needed when the FPM master runs as root
//   opcache.preload=/srv/ent/vendor/sesame/sesame/preload.php
//   opcache.preload_user=www-data                 ; required by PHP when the master runs as root
//
// When PHP does not run as root, opcache.preload alone also works: this script then calls
// FFI::load on a header it writes (PHP refuses FFI::load together with opcache.preload_user).
// Any failure here stops PHP-FPM at start-up with the reason, instead of failing every request.
declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

(static function (): void {
    try {
        $scope = \FFI::scope(\Sesame\FFI::SCOPE); // bound by ffi.preload
    } catch (\FFI\Exception $e) {
        if ((string) ini_get('opcache.preload_user') !== '') {
            throw new \Sesame\DeploymentException('libsesame is not bound: with opcache.preload_user (PHP run as '
                . 'root) PHP refuses FFI::load, so set ffi.preload to the header written by '
                . 'bin/sesame-ffi-header.php (docs/deployment.md, PHP-FPM)');
        }
        $header = sys_get_temp_dir() . '/sesame_ffi_' . getmypid() . '.h';
        \Sesame\FFI::writeScopedHeader($header); // checks the library first
        try {
            \FFI::load($header);
        } finally {
            unlink($header);
        }
        $scope = \FFI::scope(\Sesame\FFI::SCOPE);
    }
    $major = intdiv($scope->sesame_version_number(), 10000);
    if ($major !== \Sesame\FFI::ABI_MAJOR) {
        throw new \Sesame\DeploymentException("the preloaded libsesame is $major.x; this binding needs "
            . \Sesame\FFI::ABI_MAJOR . '.x');
    }
    $included = array_flip(array_map('realpath', get_included_files()));
    foreach (glob(__DIR__ . '/src/*.php') as $php) {
        if (!isset($included[realpath($php)])) {
            opcache_compile_file($php);
        }
    }
})();
