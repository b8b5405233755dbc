<?php
declare(strict_types=1);

namespace Sesame\Tests;

use PHPUnit\Framework\TestCase;
use Sesame\DateCounter;
use Sesame\Directory;
use Sesame\DuplicateException;
use Sesame\ExhaustedException;
use Sesame\Identity;
use Sesame\InvalidArgumentException;
use Sesame\InvalidNameException;
use Sesame\IoException;
use Sesame\NotFoundException;
use Sesame\ParseException;

final class IdentityTest extends TestCase
{
    private const TODAY = '2026-09-01';
    private const NOW = 1788220800000;

    private static function school(): string
    {
        return __DIR__ . '/../../../tests/data/identity/school.json';
    }

    private static function form(?string $phone, string $family, string $given, array $pupils): array
    {
        return ['method' => 'form', 'phone' => $phone, 'family_name' => $family, 'given_name' => $given, 'pupils' => $pupils];
    }

    private static function p(string $pupil, string $date, bool $box = true): array
    {
        return ['pupil' => $pupil, 'legal_representative' => $box, 'birthdate' => $date];
    }

    public function testNameKey(): void
    {
        $k = Identity::nameKey('Jean-Pierre Marie');
        $this->assertTrue($k->valid);
        $this->assertSame('jean pierre|marie', $k->key);
        $this->assertSame('jeanpierremarie', $k->compact);
        $bad = Identity::nameKey('ИВАНОВ');
        $this->assertFalse($bad->valid);
        $this->assertNull($bad->key);
        $inv = Identity::nameKey("DUP\xffONT");
        $this->assertFalse($inv->valid);
        $this->assertSame("DUP\u{FFFD}ONT", $inv->input);
    }

    public function testNameMatch(): void
    {
        foreach ([["D'ALEMBERT", 'DALEMBERT'], ['FONTAINE (DE LA)', 'DE LA FONTAINE'], ['MÜLLER', 'MULLER'], ['SØRENSEN', 'SORENSEN']] as [$r, $t]) {
            $this->assertTrue(Identity::nameMatch($r, $t)->match, "$r / $t");
        }
        foreach ([['DUPONT', 'DUPOND'], ['MARTIN', 'MARTINE']] as [$r, $t]) {
            $this->assertFalse(Identity::nameMatch($r, $t)->match, "$r / $t");
        }
        $this->assertTrue(Identity::nameMatch('Jean-Pierre', 'JEAN PIERRE', 'given')->match);
        $this->assertFalse(Identity::nameMatch('Michel', 'Michèle', 'given')->match);
        $this->assertSame(2, Identity::fcTier('Nathalie', 'Anne Nathalie'));
        $this->expectException(InvalidArgumentException::class);
        Identity::nameMatch('a', 'b', 'middle');
    }

    public function testParseDate(): void
    {
        $d = Identity::parseDate('29 02 2016', self::TODAY);
        $this->assertTrue($d->valid);
        $this->assertSame('2016-02-29', $d->iso);
        $this->assertNull($d->error);
        $this->assertSame('not_leap', Identity::parseDate('29/02/2015', self::TODAY)->error);
        $this->assertSame('month_range', Identity::parseDate('07/21/2013', self::TODAY)->error);
        $this->assertSame(['age_over_25'], Identity::parseDate('01/09/2000', self::TODAY)->flags);
        $this->assertSame([], Identity::parseDate('02/09/2000', self::TODAY)->flags);
        $this->expectException(InvalidArgumentException::class);
        Identity::parseDate('1/1/2000', '2026-02-30');
    }

    public function testDirectoryMatch(): void
    {
        $dir = Directory::loadJson(self::school());
        $r = $dir->match(self::form('06 12 34 56 78', 'LEFEVRE', 'Hélène', [self::p('P01', '12 03 2014'), self::p('P02', '29/02/2016')]),
            self::TODAY, self::NOW);
        $this->assertSame('activated', $r->status);
        $this->assertSame('G01', $r->guardian);
        $this->assertSame(['P01', 'P02'], $r->pupils);
        $this->assertSame(['P01' => 'ok', 'P02' => 'ok'], $r->pupilResults);
        $this->assertSame('ok_all', $r->userMessage);
        $this->assertNull($r->detail);
        $r = $dir->match(self::form('06 33 44 55 66', 'DUPONT', 'Jean', []), self::TODAY, self::NOW);
        $this->assertSame('ambiguous', $r->reason);
        $this->assertSame('candidates:G05,G06', $r->detail);
        $this->assertSame('generic_failure', $r->userMessage);
        $r = $dir->match(self::form('07 81 23 45 67', 'LEROY', 'Marie-Claire', [self::p('P09', '15/01/2013'), self::p('P10', '10/10/2011')]),
            self::TODAY, self::NOW);
        $this->assertSame('partial', $r->status);
        $this->assertSame('link_not_legal', $r->detail);
        $this->assertSame('ok_some', $r->userMessage);
        $this->assertSame(18, $dir->report()['guardians']);
    }

    public function testMatchOutcomeIsTheDecisionsVerdict(): void
    {
        $dir = Directory::loadJson(self::school());
        $claims = [
            self::form('06 12 34 56 78', 'LEFEVRE', 'Hélène', [self::p('P01', '12 03 2014')]),
            self::form('06 33 44 55 66', 'DUPONT', 'Jean', []),
            self::form('07 81 23 45 67', 'LEROY', 'Marie-Claire', [self::p('P09', '15/01/2013'), self::p('P10', '10/10/2011')]),
            self::form('06 99 99 99 99', 'NOBODY', 'Jean', []),
        ];
        foreach ($claims as $claim) {
            $full = $dir->match($claim, self::TODAY, self::NOW);
            $outcome = $dir->matchOutcome($claim, self::TODAY, self::NOW);
            $this->assertSame([$full->status, $full->reason, $full->userMessage],
                [$outcome->status, $outcome->reason, $outcome->userMessage]);
        }
        $cand = ['guardians' => [['id' => 'G1', 'nom' => 'LEROY', 'prenom' => 'Anne', 'phone_mobile' => '0612345678']],
                 'pupils' => [['id' => 'P1', 'birthdate' => '2013-01-15']],
                 'links' => [['guardian' => 'G1', 'pupil' => 'P1', 'legal_representative' => false]]];
        $o = Identity::matchCandidatesOutcome($cand, self::form('06 12 34 56 78', 'Leroy', 'Anne', [self::p('P1', '15/01/2013')]),
            self::TODAY, new DateCounter(), self::NOW);
        $this->assertSame(['rejected', 'not_legal_guardian', 'generic_failure'], [$o->status, $o->reason, $o->userMessage]);
        $this->assertSame(['activated', 'partial', 'rejected'], \Sesame\Decision::statuses());
        $this->assertContains('birthdate_mismatch', \Sesame\Decision::reasons());
        $this->assertSame(['ok_all', 'ok_some', 'generic_failure'], \Sesame\Decision::userMessages());
    }

    public function testClaimErrors(): void
    {
        $dir = Directory::loadJson(self::school());
        try {
            $dir->match('{', self::TODAY);
            $this->fail('no exception');
        } catch (ParseException $e) {
            $this->assertStringContainsString('invalid_json', $e->getMessage());
        }
        $this->expectException(DuplicateException::class);
        $dir->match(self::form('06', 'A', 'B', [self::p('P01', 'x'), self::p('P01', 'y')]), self::TODAY);
    }

    public function testWrongDatesCapped(): void
    {
        $dir = Directory::loadJson(self::school());
        $c = new DateCounter(2, 86400000);
        $claim = self::form('07 86 77 88 99', 'LEFEVRE', 'Hélène', [self::p('P17', '01/01/2019')]);
        $details = [];
        for ($i = 0; $i < 3; $i++) {
            $details[] = $dir->match($claim, self::TODAY, self::NOW + $i, $c)->detail;
        }
        $this->assertSame(['date_differs', 'date_differs', 'too_many_attempts'], $details);
    }

    public function testRecordByRecordAndCandidates(): void
    {
        $dir = Directory::create();
        $dir->addGuardian('G1', 'DURAND EP. LEROY', 'Marie-Claire', '07 81 23 45 67', 'DURAND');
        $dir->addPupil('P1', '2013-01-15');
        $dir->addLink('G1', 'P1', true);
        $r = $dir->match(self::form('0781234567', 'durand', 'marie claire', [self::p('P1', '15.01.2013')]), self::TODAY, self::NOW);
        $this->assertSame('activated', $r->status);
        $cand = ['guardians' => [['id' => 'G1', 'nom' => 'LEROY', 'prenom' => 'Anne', 'phone_mobile' => '0612345678']],
                 'pupils' => [['id' => 'P1', 'birthdate' => '2013-01-15']],
                 'links' => [['guardian' => 'G1', 'pupil' => 'P1', 'legal_representative' => true]]];
        $r = Identity::matchCandidates($cand, self::form('06 12 34 56 78', 'Leroy', 'Anne', [self::p('P1', '15/01/2013')]),
            self::TODAY, new DateCounter(), self::NOW);
        $this->assertSame('activated', $r->status);
        $this->expectException(NotFoundException::class);
        $dir->addLink('G1', 'P9', true);
    }

    public function testLoadErrors(): void
    {
        try {
            Directory::fromJson('{"guardians": [{"id": "G1"}, {"id": "G1"}]}');
            $this->fail('no exception');
        } catch (DuplicateException $e) {
            $this->assertStringContainsString('guardians[1] (id G1)', $e->getMessage());
        }
        $this->expectException(IoException::class);
        Directory::loadJson('/nonexistent/school.json');
    }

    public function testLoginId(): void
    {
        $this->assertMatchesRegularExpression('/^h\.lefevre\d\d$/', Identity::loginId('LEFÈVRE', 'Hélène')->login);
        $this->assertMatchesRegularExpression('/^o\.ivanov\d\d$/', (string) Identity::loginId('ИВАНОВ', 'Ольга'));
        $taken = [];
        for ($i = 0; $i < 100; $i++) {
            $taken[] = sprintf('H.LEFEVRE%02d', $i);
        }
        $this->assertMatchesRegularExpression('/^h\.lefevre\d{3}$/', Identity::loginId('LEFEVRE', 'Hélène', $taken)->login);
        try {
            Identity::loginId('', 'Jean');
            $this->fail('no exception');
        } catch (InvalidNameException $e) {
            $this->assertSame(-15, $e->getCode());
        }
        $this->expectException(ExhaustedException::class);
        $all = [];
        foreach ([2, 3, 4] as $w) {
            for ($i = 0; $i < 10 ** $w; $i++) {
                $all[] = sprintf("d%0{$w}d", $i);
            }
        }
        Identity::loginId('D', '', $all);
    }
}
