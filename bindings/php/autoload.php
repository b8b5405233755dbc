<?php
// Autoloader for use without Composer (tests, preload): PSR-4 "Sesame\" => src/.
declare(strict_types=1);

require_once __DIR__ . '/src/Exceptions.php';

spl_autoload_register(static function (string $class): void {
    if (strncmp($class, 'Sesame\\', 7) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, 7)) . '.php';
    if (is_file($file)) {
        require_once $file;
    }
});
