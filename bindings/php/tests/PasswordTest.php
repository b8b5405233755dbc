<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\InvalidArgumentException;
use Sesame\NotFoundException;
use Sesame\Password;
use Sesame\PasswordContext;
use Sesame\PasswordPolicy;

final class PasswordTest extends TestCase
{
    public function testCheckHasTheCliKeysInCamelCase(): void
    {
        $r = Password::check('Soleil2015!');
        $this->assertTrue($r->valid);
        $this->assertNull($r->error);
        $this->assertSame(11, $r->length);
        $this->assertTrue($r->rules->upper && $r->rules->lower && $r->rules->digit && $r->rules->special && $r->rules->length);
        $this->assertLessThanOrEqual(1, $r->strength->score);
        $this->assertContains($r->strength->label, ['très faible', 'faible']);
        $this->assertIsFloat($r->strength->guessesLog10);
        $this->assertContains('date', $r->strength->feedback);
        $this->assertCount(count($r->strength->feedback), $r->strength->messages);
        $this->assertSame(['valid', 'error', 'length', 'rules', 'strength', 'unaccepted', 'unaccepted_message'],
            array_keys($r->toArray()));
    }

    public function testTrickyClasses(): void
    {
        $this->assertTrue(Password::check("ABCDEF1\u{B5}")->rules->special);     // micro sign
        $this->assertFalse(Password::check("ABCDEF1\u{3BC}")->rules->special);   // Greek mu
        $this->assertSame(8, Password::check("E\u{301}ric12!x")->length);        // NFD composed
        $this->assertFalse(Password::check("\u{FF21}bcdef1\u{FF01}")->rules->special);
        $this->assertTrue(Password::check("Abcdef!\u{663}")->rules->digit);
        $this->assertFalse(Password::check("Abcdef1=\u{338}")->rules->special);
        $this->assertTrue(Password::check("Abcdef12#\u{FE0F}\u{20E3}")->valid);
        $this->assertTrue(Password::check("\u{130}stanbul1!")->rules->upper);
        $this->assertFalse(Password::check("Ééè1!àç")->rules->length);         // 7 code points, 14 bytes
        $this->assertTrue(Password::check('Abcdef1£')->rules->special);
        $this->assertFalse(Password::check('Abcdef1ã')->rules->special);          // C3 A3 is not £ (C2 A3)
    }

    public function testErrorsAreResults(): void
    {
        $r = Password::check("Abcdef1!\xFF");
        $this->assertSame('invalid_utf8', $r->error);
        $this->assertNull($r->length);
        $this->assertNull($r->strength);
        $this->assertFalse($r->valid);
        $this->assertSame('control_char', Password::check("Abc\0def1!")->error);
        $this->assertSame('control_char', Password::check("Abc\tdef1!")->error);
        $r = Password::check('A1!' . str_repeat('a', 126));
        $this->assertSame('too_long', $r->error);
        $this->assertSame(129, $r->length);
        $this->assertSame(128, Password::check('A1!' . str_repeat('a', 125))->length);
        $this->assertNull(Password::check(str_repeat('a', 30000))->length);
    }

    public function testPolicies(): void
    {
        $this->assertFalse(Password::check('Soleil2015!', 'cnil2022')->valid);
        $this->assertTrue(Password::check('Abcdefghijklm1', 'cnil2022')->valid);
        $custom = ['alternatives' => [['min_length' => 4, 'classes' => ['digit']]], 'forbid_other' => true];
        $r = Password::check('12 34', $custom);
        $this->assertFalse($r->valid);
        $this->assertFalse($r->rules->allowed);
        $p = PasswordPolicy::fromArray($custom);
        $this->assertTrue(Password::check('1234', $p)->valid);
        $this->assertSame(4, $p->toArray()['alternatives'][0]['min_length']);
        $this->expectException(NotFoundException::class);
        Password::check('x', 'nist');
    }

    public function testBadPolicyIsAnException(): void
    {
        $this->expectException(InvalidArgumentException::class);
        PasswordPolicy::fromArray(['max_length' => 300]);
    }

    public function testContextLowersTheScore(): void
    {
        $ctx = ['names' => ['Lucas', 'Hélène Martin'], 'dates' => ['2014-03-12'], 'phones' => ['06 12 34 56 78']];
        $r = Password::check('Lucas2014!', 'portal', $ctx, 'en');
        $this->assertLessThanOrEqual(1, $r->strength->score);
        $this->assertContains('context', $r->strength->feedback);
        $this->assertContains($r->strength->label, ['very weak', 'weak']);
        $built = PasswordContext::create()->addName('Zorglub')->addDate('1985-04-02')->addLogin('z.orglub');
        $this->assertLessThan(Password::check('Zorglub0204!')->strength->guessesLog10,
            Password::check('Zorglub0204!', null, $built)->strength->guessesLog10);
        try {
            PasswordContext::fromArray(['dates' => ['1985-02-30']]);
            $this->fail('no exception');
        } catch (InvalidArgumentException $e) {
            $this->assertStringNotContainsString('1985', $e->getMessage());
        }
    }

    public function testArrayPolicyAndContextFollowTheArray(): void
    {
        // Arrays are built into C objects once and reused while the same array comes back.
        $with = static fn (array $names): float => Password::check('Zorglub0204!', context: ['names' => $names])->strength->guessesLog10;
        $zorglub = $with(['Zorglub']);
        $this->assertSame($zorglub, $with(['Zorglub']));
        $this->assertGreaterThan($zorglub, $with(['Martin']));
        $this->assertSame($zorglub, $with(['Zorglub']));
        $four = ['alternatives' => [['min_length' => 4, 'classes' => ['digit']]]];
        $this->assertTrue(Password::check('1234', $four)->valid);
        $this->assertFalse(Password::check('1234', ['alternatives' => [['min_length' => 5, 'classes' => ['digit']]]])->valid);
        $this->assertTrue(Password::check('1234', $four)->valid);
    }

    public function testListsAndOptionsComeFromTheLibrary(): void
    {
        $this->assertSame(['invalid_utf8', 'control_char', 'too_long'], Password::errors());
        $this->assertSame(['upper', 'lower', 'digit', 'special', 'length', 'allowed'], Password::rules());
        $this->assertSame(['common_password', 'dictionary_word', 'name', 'keyboard_walk', 'sequence', 'repeat', 'date', 'context'],
            Password::feedbackCodes());
        $this->assertNotNull(Password::check('Soleil2015!')->strength, 'strength: the library default is on');
        $this->assertSame(11, Password::check('Soleil2015!', referenceYear: 2015)->length);
        $this->assertSame('At least one uppercase letter', Password::ruleLabel('upper', 'en'));
        $this->expectException(\Sesame\InvalidArgumentException::class);
        Password::check('x', lang: 'de');
    }

    public function testMeterExamples(): void
    {
        $this->assertLessThanOrEqual(1, Password::check('azerty')->strength->score);
        $walk = Password::check('&é"\'(-è_çà');
        $this->assertLessThanOrEqual(1, $walk->strength->score);
        $this->assertContains('keyboard_walk', $walk->strength->feedback);
        mt_srand(7);
        $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!?@#$%&*';
        for ($i = 0; $i < 20; $i++) {
            $pw = '';
            for ($k = 0; $k < 16; $k++) {
                $pw .= $alphabet[mt_rand(0, strlen($alphabet) - 1)];
            }
            $this->assertSame(4, Password::check($pw)->strength->score, $pw);
        }
        $this->assertNull(Password::check('Soleil2015!', strength: false)->strength);
    }

    public function testLabelsAndMessages(): void
    {
        $this->assertSame('très faible', Password::scoreLabel(0));
        $this->assertSame('very strong', Password::scoreLabel(4, 'en'));
        $this->assertSame('Au moins une lettre majuscule', Password::ruleLabel('upper'));
        $this->assertSame('Au moins 8 caractères (128 au maximum)', Password::ruleLabel('length'));
        $this->assertStringStartsWith('Au moins un caractère spécial parmi ! ? @ # $', Password::ruleLabel('special'));
        $this->assertSame('At least 14 characters, or 12 with a special character (128 at most)',
                          Password::ruleLabel('length', 'en', 'cnil2022', 1));
        $this->assertSame('Au moins 12 caractères, ou 14 sans caractère spécial (128 au maximum)',
                          Password::ruleLabel('length', 'fr', 'cnil2022'));
        $this->assertStringEndsWith(' / : (facultatif à partir de 14 caractères)', Password::ruleLabel('special', 'fr', 'cnil2022'));
        $this->assertSame(['upper', 'lower', 'digit', 'special', 'length', 'allowed'], array_keys(Password::ruleLabels()));
    }

    public function testCharactersOutsideThePolicyAreNamed(): void
    {
        $r = Password::check('Soleil2015€');
        $this->assertFalse($r->rules->special);
        $this->assertSame('€', $r->unaccepted);
        $this->assertStringStartsWith('€ n’est pas un caractère spécial accepté ; caractères spéciaux acceptés : ! ? @',
            $r->unacceptedMessage);
        $ok = Password::check('Soleil2015€!');
        $this->assertSame('€', $ok->unaccepted);
        $this->assertNull($ok->unacceptedMessage);
        $this->assertNull(Password::check('Lucas2014!')->unaccepted);
        $this->assertStringContainsString('n’est pas autorisé',
            Password::check('Soleil2015€!', policy: ['forbid_other' => true])->unacceptedMessage);
        $this->assertStringStartsWith('the space and ~ are not',
            Password::check('So leil~2015', lang: 'en')->unacceptedMessage);
    }

    public function testConfirm(): void
    {
        $this->assertTrue(Password::confirm("\u{C9}ric-2014!", "E\u{301}ric-2014!"));
        $this->assertFalse(Password::confirm('abc', 'abd'));
    }

    public function testHashVerifyNfcVsNfd(): void
    {
        $h = Password::hash("\u{C9}ric-\u{B5}-2014!");  // interactive limits: the minimum accepted
        $this->assertStringStartsWith('$argon2id$', $h);
        $this->assertTrue(Password::verify($h, "E\u{301}ric-\u{B5}-2014!"));
        $this->assertFalse(Password::verify($h, "\u{C9}ric-\u{3BC}-2014!"));
        $this->assertFalse(Password::verify('garbage', 'x'));
        $this->assertFalse(Password::needsRehash($h));
        $this->assertTrue(Password::needsRehash($h, 3));
        $this->expectException(InvalidArgumentException::class);
        Password::hash('x', 1);
    }
}
