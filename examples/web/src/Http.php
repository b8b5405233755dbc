<?php
declare(strict_types=1);

namespace Ent;

/**
 * The request side of the example: the session (HttpOnly, SameSite=Lax cookie, strict mode), the
 * CSRF token checked on every POST, templates (every value escaped by h()), redirects.
 */
final class Http
{
    public function __construct(private readonly Config $config, private readonly string $templates)
    {
    }

    public function startSession(): void
    {
        session_name('ent_session');
        session_set_cookie_params(['lifetime' => 0, 'path' => '/', 'httponly' => true, 'samesite' => 'Lax',
            'secure' => ($_SERVER['HTTPS'] ?? '') === 'on']);
        ini_set('session.use_strict_mode', '1');
        ini_set('session.use_only_cookies', '1');
        session_start();
        $_SESSION['csrf'] ??= bin2hex(random_bytes(32));
    }

    public function csrf(): string
    {
        return $_SESSION['csrf'] ?? '';
    }

    /** True when the POST carries the session's token (form field `csrf` or header X-CSRF-Token). */
    public function csrfOk(): bool
    {
        $sent = $_POST['csrf'] ?? ($_SERVER['HTTP_X_CSRF_TOKEN'] ?? '');
        return is_string($sent) && hash_equals($this->csrf(), $sent);
    }

    /** A new session id once the parent proved something (the code): no fixation. */
    public function renewSession(): void
    {
        session_regenerate_id(true);
    }

    public function redirect(string $path): never
    {
        header('Location: ' . $path, true, 303);
        exit;
    }

    /** @param array<string, mixed> $vars */
    public function render(string $template, array $vars = [], int $status = 200): never
    {
        http_response_code($status);
        header('Content-Type: text/html; charset=utf-8');
        $vars += ['title' => '', 'step' => null, 'errors' => [], 'notice' => null, 'alert' => null];
        $csrf = $this->csrf();
        $test = $this->config->testMode;
        $page = (static function (string $__file, array $__vars): string {
            extract($__vars, EXTR_SKIP);
            ob_start();
            require $__file;
            return (string) ob_get_clean();
        })("{$this->templates}/$template.php", $vars + ['csrf' => $csrf]);
        extract($vars, EXTR_SKIP); // $title, $step for the layout
        require "{$this->templates}/layout.php";
        exit;
    }

    /** @param array<string, mixed> $data */
    public function json(array $data, int $status = 200): never
    {
        http_response_code($status);
        header('Content-Type: application/json; charset=utf-8');
        header('Cache-Control: no-store');
        echo json_encode($data, JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
        exit;
    }

    /** Security headers of every answer; in test mode, the FPM worker's pid (the tests check who served what). */
    public function headers(): void
    {
        header("Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        header('X-Content-Type-Options: nosniff');
        header('Referrer-Policy: same-origin');
        header('Cache-Control: no-store');
        if ($this->config->testMode) {
            header('X-Sesame-Worker: ' . getmypid());
        }
    }
}
