<?php
declare(strict_types=1);

namespace Ent;

use Sesame\CooldownException;
use Sesame\Identity;
use Sesame\Password;
use Sesame\Phone;
use Sesame\QuotaException;
use Sesame\RateLimitedException;
use Sesame\StoreUnavailableException;

/**
 * The activation journey, one method per page: identification (form or FranceConnect), the SMS
 * code, the pupils, the password, the confirmation. What the journey knows lives in the session
 * ($_SESSION['j']); what must hold across workers and servers (codes, wrong dates) in Redis; the
 * records and accounts in SQL. Logs carry events, verdicts and record ids, never a name, a number,
 * a date or a code.
 */
final class Journey
{
    private const UNAVAILABLE = "Le service est momentanément indisponible. Réessayez dans quelques instants.";
    private const GENERIC = "Nous n’avons pas pu vous identifier avec ces informations. Vérifiez votre saisie\u{a0}; "
        . "si le problème persiste, contactez l’établissement de votre enfant.";

    public function __construct(
        private readonly Http $http,
        private readonly Records $records,
        private readonly Services $services,
        private readonly SmsSender $sms,
    ) {
    }

    public function handle(string $method, string $path): never
    {
        if ($method === 'POST' && !$this->http->csrfOk()) {
            $this->http->render('expired', ['title' => 'Session expirée'], 400);
        }
        match ("$method $path") {
            'GET /' => $this->identificationPage(),
            'POST /identification' => $this->identify(),
            'GET /franceconnect' => $this->http->render('franceconnect', ['title' => 'FranceConnect (simulation)']),
            'POST /franceconnect' => $this->franceConnectReturn(),
            'GET /code' => $this->codePage(),
            'POST /code' => $this->verifyCode(),
            'POST /code/nouveau' => $this->sendCode(),
            'GET /eleves' => $this->pupilsPage(),
            'POST /eleves' => $this->confirmPupils(),
            'GET /mot-de-passe' => $this->passwordPage(),
            'POST /mot-de-passe' => $this->setPassword(),
            'POST /api/mot-de-passe' => $this->passwordApi(),
            'GET /termine' => $this->donePage(),
            'POST /recommencer' => $this->restart(),
            default => $this->http->render('not_found', ['title' => 'Page introuvable'], 404),
        };
    }

    // ---- 1. identification ---------------------------------------------------------------------

    /** @param array<string, string> $errors */
    private function identificationPage(array $errors = [], ?string $alert = null, int $status = 200): never
    {
        $this->http->render('identification', ['title' => 'Identification', 'step' => 1, 'errors' => $errors,
            'alert' => $alert ?? $this->flash('alert'), 'fc' => $_SESSION['fc'] ?? null,
            'old' => ['nom' => $_POST['nom'] ?? '', 'prenom' => $_POST['prenom'] ?? '', 'mobile' => $_POST['mobile'] ?? '']],
            $status);
    }

    private function identify(): never
    {
        $fc = $_SESSION['fc'] ?? null;
        $nom = trim($this->field('nom'));
        $prenom = trim($this->field('prenom'));
        $mobile = trim($this->field('mobile'));
        $errors = [];
        if ($fc === null && $nom === '') {
            $errors['nom'] = 'Saisissez votre nom.';
        }
        if ($fc === null && $prenom === '') {
            $errors['prenom'] = 'Saisissez votre prénom.';
        }
        $number = Phone::normalize($mobile);
        if ($mobile === '') {
            $errors['mobile'] = 'Saisissez votre numéro de téléphone mobile.';
        } elseif (!$number->ok) {
            $errors['mobile'] = "Ce numéro n’est pas valide. Exemple\u{a0}: 06\u{a0}12\u{a0}34\u{a0}56\u{a0}78.";
        } elseif (!$number->isMobile) {
            $errors['mobile'] = 'Saisissez un numéro de téléphone mobile (06 ou 07 en métropole).';
        }
        if ($errors !== []) {
            $this->identificationPage($errors);
        }
        $claim = $fc === null
            ? ['method' => 'form', 'family_name' => $nom, 'given_name' => $prenom, 'phone' => $mobile]
            : ['method' => 'fc', 'fc' => $fc, 'phone' => $mobile];
        try {
            $decision = $this->decide($claim, $number->e164, []);
        } catch (StoreUnavailableException $e) {
            $this->log('identification', 'store_unavailable');
            $this->identificationPage([], self::UNAVAILABLE, 503);
        }
        // Identified but no pupil to confirm (a grandparent's contact link...): nothing to activate.
        if ($decision->guardian === null || $decision->detail === 'no_legal_link') {
            $this->log('identification', "rejected reason={$decision->reason} detail={$decision->detail}");
            $this->identificationPage([], self::GENERIC);
        }
        $this->log('identification', "ok guardian={$decision->guardian}");
        $_SESSION['j'] = ['step' => 'code', 'claim' => $claim, 'guardian' => $decision->guardian,
            'e164' => $number->e164, 'masked' => $number->masked];
        $this->sendCode();
    }

    private function franceConnectReturn(): never
    {
        // The simulated identity provider's claims (a real ENT gets them from FranceConnect's
        // userinfo endpoint after the OpenID Connect exchange): they replace the typed names.
        $fc = [];
        foreach (['given_name', 'family_name', 'preferred_username', 'birthdate'] as $claim) {
            $value = trim($this->field($claim));
            $fc[$claim] = $value === '' ? null : $value;
        }
        unset($_SESSION['j']);
        $_SESSION['fc'] = $fc;
        $this->http->renewSession();
        $this->http->redirect('/');
    }

    // ---- 2. the SMS code -----------------------------------------------------------------------

    /** Issues a code for the journey's number and sends it; then the code page says what happened. */
    private function sendCode(): never
    {
        $j = $this->journey('code');
        try {
            $issue = $this->services->otp()->issueResult($j['e164'], Services::PURPOSE);
            $minutes = intdiv($issue->expiresAtMs - (int) floor(microtime(true) * 1000) + 59_999, 60_000);
            $this->sms->send($issue->e164, "ENT\u{a0}: votre code de sécurité est {$issue->code}. Il est valable "
                . "$minutes\u{a0}minutes. Ne le communiquez à personne.");
            $_SESSION['j']['issued_by'] = getmypid();
            $_SESSION['flash'] = ['notice' => "Un code de sécurité vient de vous être envoyé par SMS au {$j['masked']}."];
            $this->log('code', 'sent');
        } catch (CooldownException $e) {
            $_SESSION['flash'] = ['notice' => "Un code vous a été envoyé il y a moins d’une minute. Vous pourrez en "
                . "demander un nouveau dans {$e->retryAfterS}\u{a0}s."];
            $this->log('code', 'cooldown');
        } catch (QuotaException $e) {
            $_SESSION['flash'] = ['alert' => 'Trop de codes ont été demandés pour ce numéro. Réessayez dans '
                . max(1, intdiv($e->retryAfterS + 59, 60)) . "\u{a0}min."];
            $this->log('code', 'quota');
        } catch (RateLimitedException $e) {
            $_SESSION['flash'] = ['alert' => "Trop d’essais pour ce numéro. Réessayez dans une heure."];
            $this->log('code', 'rate_limited');
        } catch (StoreUnavailableException $e) {
            $_SESSION['flash'] = ['alert' => self::UNAVAILABLE];
            $this->log('code', 'issue store_unavailable');
        }
        $this->http->redirect('/code');
    }

    /** @param array<string, string> $errors */
    private function codePage(array $errors = [], ?string $alert = null, int $status = 200): never
    {
        $j = $this->journey('code');
        $this->http->render('code', ['title' => 'Code de sécurité', 'step' => 2, 'masked' => $j['masked'],
            'errors' => $errors, 'notice' => $this->flash('notice'), 'alert' => $alert ?? $this->flash('alert')], $status);
    }

    private function verifyCode(): never
    {
        $j = $this->journey('code');
        $code = trim($this->field('code'));
        if ($code === '') {
            $this->codePage(['code' => 'Saisissez le code reçu par SMS.']);
        }
        try {
            $result = $this->services->otp()->verify($j['e164'], Services::PURPOSE, $code);
        } catch (StoreUnavailableException $e) {
            $this->log('code', 'verify store_unavailable');
            $this->codePage([], self::UNAVAILABLE, 503);
        }
        $this->log('code', "verify {$result->status}");
        if ($result->isOk()) {
            $this->http->renewSession();
            $_SESSION['j']['verified_by'] = getmypid();
            $login = $this->records->accountLogin($j['guardian']);
            if ($login !== null) {
                $_SESSION['j'] = ['step' => 'done', 'login' => $login, 'already' => true, 'pupils' => []];
                $this->http->redirect('/termine');
            }
            $_SESSION['j']['step'] = 'pupils';
            $this->http->redirect('/eleves');
        }
        $left = $result->attemptsLeft ?? 0;
        $this->codePage(['code' => match ($result->status) {
            'wrong_code' => "Code incorrect. Il vous reste $left\u{a0}" . ($left > 1 ? 'essais.' : 'essai.'),
            'expired' => 'Ce code a expiré. Demandez un nouveau code.',
            'locked' => "Trop de codes incorrects\u{a0}: ce code est bloqué. Demandez un nouveau code.",
            'rate_limited' => "Trop d’essais pour ce numéro. Réessayez dans une heure.",
            default => "Ce code n’est plus valable (déjà utilisé ou remplacé). Demandez un nouveau code.",
        }]);
    }

    // ---- 3. the pupils -------------------------------------------------------------------------

    /** @param array<string, string> $errors */
    private function pupilsPage(array $errors = [], ?string $alert = null, int $status = 200): never
    {
        $j = $this->journey('pupils');
        $this->http->render('pupils', ['title' => 'Vos enfants', 'step' => 3, 'errors' => $errors,
            'alert' => $alert, 'pupils' => $this->records->legalPupils($j['guardian']),
            'old' => ['legal' => (array) ($_POST['legal'] ?? []), 'date' => (array) ($_POST['date'] ?? [])]], $status);
    }

    private function confirmPupils(): never
    {
        $j = $this->journey('pupils');
        $legal = (array) ($_POST['legal'] ?? []);
        $dates = (array) ($_POST['date'] ?? []);
        $errors = [];
        $confirmations = [];
        $shown = $this->records->legalPupils($j['guardian']);
        foreach ($shown as $p) {
            $id = $p['id'];
            $ticked = isset($legal[$id]);
            $date = is_string($dates[$id] ?? null) ? trim($dates[$id]) : '';
            if (!$ticked && $date === '') {
                continue; // not confirmed: stays unattached
            }
            if (!$ticked) {
                $errors["legal-$id"] = "Cochez cette case si vous êtes le représentant légal de {$p['prenom']}.";
            } elseif ($date === '') {
                $errors["date-$id"] = "Saisissez la date de naissance de {$p['prenom']}.";
            } elseif (!Identity::parseDate($date, self::today())->valid) {
                // Checked before the decision: a mistyped date does not count as a wrong one.
                $errors["date-$id"] = "Cette date n’est pas valide. Saisissez-la sous la forme JJ MM AAAA, par exemple 12 03 2014.";
            } else {
                $confirmations[] = ['pupil' => $id, 'legal_representative' => true, 'birthdate' => $date];
            }
        }
        if ($errors === [] && $confirmations === []) {
            $errors['pupils'] = 'Confirmez au moins un enfant dont vous êtes le représentant légal.';
        }
        if ($errors !== []) {
            $this->pupilsPage($errors);
        }
        try {
            $decision = $this->decide($j['claim'], $j['e164'], $confirmations);
        } catch (StoreUnavailableException $e) {
            $this->log('pupils', 'store_unavailable');
            $this->pupilsPage([], self::UNAVAILABLE, 503);
        }
        $this->log('pupils', "decision {$decision->status} reason={$decision->reason} detail={$decision->detail}");
        if ($decision->guardian !== $j['guardian'] || $decision->pupils === []) {
            $this->pupilsPage([], "Nous n’avons pas pu confirmer ces informations. Vérifiez les dates de naissance\u{a0}; "
                . "si le problème persiste, contactez l’établissement.");
        }
        $names = [];
        $context = ['names' => [], 'dates' => [], 'phones' => [$j['e164']]];
        $guardian = $this->records->guardian($j['guardian']);
        foreach (['prenom', 'nom', 'nom_naissance'] as $f) {
            if (($guardian[$f] ?? '') !== '') {
                $context['names'][] = $guardian[$f];
            }
        }
        foreach ($shown as $p) {
            if (in_array($p['id'], $decision->pupils, true)) {
                $names[] = (string) $p['prenom'];
            }
            array_push($context['names'], ...array_filter([$p['prenom'], $p['nom']]));
            $context['dates'][] = $p['birthdate'];
        }
        $_SESSION['j']['step'] = 'password';
        $_SESSION['j']['attached'] = $decision->pupils;
        $_SESSION['j']['attachedNames'] = $names;
        $_SESSION['j']['partial'] = $decision->status === 'partial';
        $_SESSION['j']['context'] = $context;
        $this->http->redirect('/mot-de-passe');
    }

    // ---- 4. the password -----------------------------------------------------------------------

    /** @param array<string, string> $errors */
    private function passwordPage(array $errors = [], ?\Sesame\PasswordCheck $check = null): never
    {
        $j = $this->journey('password');
        $check ??= Password::check('', 'portal', $j['context']);
        $this->http->render('password', ['title' => 'Mot de passe', 'step' => 4, 'errors' => $errors,
            'checklist' => self::checklist($check), 'partial' => $j['partial'], 'attachedNames' => $j['attachedNames']]);
    }

    /** The live checklist and meter: the same check as the form's, for each keystroke. */
    private function passwordApi(): never
    {
        $j = $_SESSION['j'] ?? null;
        session_write_close(); // read-only: do not hold the session lock while typing
        if (($j['step'] ?? null) !== 'password') {
            $this->http->json(['error' => 'no_journey'], 409);
        }
        $this->http->json(self::checklist(Password::check($this->field('password'), 'portal', $j['context'])));
    }

    private function setPassword(): never
    {
        $j = $this->journey('password');
        $password = $this->field('password');
        $check = Password::check($password, 'portal', $j['context']);
        $errors = [];
        if (!$check->valid) {
            $errors['password'] = match ($check->error) {
                'control_char', 'invalid_utf8' => 'Le mot de passe contient un caractère non autorisé.',
                'too_long' => "Le mot de passe est trop long (128\u{a0}caractères au plus).",
                default => 'Le mot de passe ne respecte pas toutes les règles ci-dessous.'
                    . ($check->unacceptedMessage !== null ? ' ' . $check->unacceptedMessage . '.' : ''),
            };
        } elseif (!Password::confirm($password, $this->field('password_confirm'))) {
            $errors['password_confirm'] = 'Les deux mots de passe ne sont pas identiques.';
        }
        if ($errors !== []) {
            $this->passwordPage($errors, $check);
        }
        $guardian = $this->records->guardian($j['guardian']);
        try {
            $login = $this->records->createAccount($j['guardian'], (string) $guardian['nom'], (string) $guardian['prenom'],
                Password::hash($password), $j['attached']);
            $this->log('password', "account created guardian={$j['guardian']} pupils=" . count($j['attached']));
            $_SESSION['j'] = ['step' => 'done', 'login' => $login, 'already' => false, 'pupils' => $j['attachedNames']];
        } catch (\PDOException $e) {
            $login = $this->records->accountLogin($j['guardian']);
            if ($login === null) {
                throw $e;
            }
            $_SESSION['j'] = ['step' => 'done', 'login' => $login, 'already' => true, 'pupils' => []];
        }
        $this->http->redirect('/termine');
    }

    /** @var array<string, string>|null the checklist's lines, made by the library from the policy */
    private static ?array $ruleLabels = null;

    /**
     * What the page and the JSON endpoint show: every line of the checklist with the library's
     * label for the policy ("Au moins un caractère spécial parmi ! ? @ …": the figures and the
     * accepted characters come from the policy, never retyped here), and the library's sentence
     * about characters the policy does not accept ("€ n’est pas un caractère spécial accepté…").
     * @return array<string, mixed>
     */
    private static function checklist(\Sesame\PasswordCheck $check): array
    {
        self::$ruleLabels ??= Password::ruleLabels('fr', 'portal');
        $rules = [];
        foreach (Password::rules() as $rule) {
            $ok = $check->rules->$rule;
            if ($ok === null) {
                continue; // 'allowed': a line only when the policy forbids other characters
            }
            $rules[] = ['rule' => $rule, 'ok' => $ok, 'text' => self::$ruleLabels[$rule]];
        }
        return ['valid' => $check->valid, 'length' => $check->length, 'rules' => $rules, 'score' => $check->strength?->score ?? 0,
            'label' => $check->strength?->label ?? '', 'advice' => $check->strength?->messages ?? [],
            'unaccepted' => $check->unacceptedMessage];
    }

    // ---- 5. the confirmation -------------------------------------------------------------------

    private function donePage(): never
    {
        $j = $this->journey('done');
        $this->http->render('done', ['title' => 'Compte activé', 'step' => 5, 'login' => $j['login'],
            'already' => $j['already'], 'pupils' => $j['pupils']]);
    }

    private function restart(): never
    {
        unset($_SESSION['j'], $_SESSION['fc'], $_SESSION['flash']);
        $this->http->renewSession();
        $this->http->redirect('/');
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The decision on the candidates fetched by index: the guardians holding the number (form
     * path), or matching the FranceConnect names (plus the number's holders).
     * @param array<string, mixed> $claim
     * @param list<array<string, mixed>> $confirmations
     */
    private function decide(array $claim, ?string $e164, array $confirmations): \Sesame\Decision
    {
        $keys = $claim['method'] === 'fc'
            ? NameKeys::of([$claim['fc']['family_name'] ?? null, $claim['fc']['preferred_username'] ?? null]) : [];
        $candidates = $this->records->candidates($e164, $keys);
        return Identity::matchCandidates($candidates, $claim + ['pupils' => $confirmations], self::today(),
            $this->services->dates());
    }

    private const PAGES = ['code' => '/code', 'pupils' => '/eleves', 'password' => '/mot-de-passe', 'done' => '/termine'];

    /**
     * @return array<string, mixed> the journey, which must be at $step; else to the page of the
     * step it is at (the back button, a second tab), or to the start
     */
    private function journey(string $step): array
    {
        $j = $_SESSION['j'] ?? null;
        $at = $j['step'] ?? null;
        if ($at !== $step) {
            $this->http->redirect(self::PAGES[$at] ?? '/');
        }
        return $j;
    }

    private function field(string $name): string
    {
        $v = $_POST[$name] ?? '';
        return is_string($v) ? $v : '';
    }

    private function flash(string $kind): ?string
    {
        $message = $_SESSION['flash'][$kind] ?? null;
        unset($_SESSION['flash'][$kind]);
        return $message;
    }

    private static function today(): string
    {
        return (new \DateTimeImmutable('now', new \DateTimeZone('Europe/Paris')))->format('Y-m-d');
    }

    /** One line per event: no personal data (record ids and verdicts only). */
    private function log(string $step, string $event): void
    {
        error_log("sesame-web $step: $event");
    }
}
