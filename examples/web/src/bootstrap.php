<?php
// Loads the Sesame PHP binding (preloaded under PHP-FPM; its autoloader otherwise) and this
// application's classes (namespace Ent\, one class per file of src/).
declare(strict_types=1);

$sesame = getenv('SESAME_PHP_AUTOLOAD') ?: null;
foreach ([$sesame, __DIR__ . '/../vendor/sesame/sesame/autoload.php', __DIR__ . '/../../../bindings/php/autoload.php'] as $autoload) {
    if ($autoload !== null && is_file($autoload)) {
        require_once $autoload;
        break;
    }
}
if (!class_exists(\Sesame\FFI::class)) {
    throw new \RuntimeException('the Sesame PHP binding is not installed (vendor/sesame/sesame; SESAME_PHP_AUTOLOAD)');
}

spl_autoload_register(static function (string $class): void {
    if (strncmp($class, 'Ent\\', 4) === 0) {
        $file = __DIR__ . '/' . substr($class, 4) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

/** HTML-escapes a value for a template. */
function h(mixed $value): string
{
    return htmlspecialchars((string) $value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
}

/** Prints a template of templates/ with $vars (field.php, messages.php). */
function partial(string $__template, array $__vars): void
{
    extract($__vars, EXTR_SKIP);
    require __DIR__ . "/../templates/$__template.php";
}
