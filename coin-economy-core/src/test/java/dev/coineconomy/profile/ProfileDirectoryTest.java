package dev.coineconomy.profile;

import dev.coineconomy.Region;
import dev.coineconomy.UserId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UserProfile} validation and withers; the in-memory {@link ProfileDirectory} implementations. */
class ProfileDirectoryTest {

    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final LocalDate BORN = LocalDate.of(2000, 1, 15);
    private static final Region US = Region.of("US");

    @Test
    void profileHoldsItsFactsAndWithersReplaceOneEach() {
        UserProfile p = new UserProfile(ANN, BORN, US, 12, Standing.GOOD, AccountKind.BUSINESS);
        assertEquals(ANN, p.user());
        assertEquals(BORN, p.birthDate());
        assertEquals(US, p.region());
        assertEquals(12, p.followers());
        assertEquals(Standing.GOOD, p.standing());
        assertEquals(AccountKind.BUSINESS, p.accountKind());

        assertEquals(new UserProfile(ANN, BORN, US, 0, Standing.GOOD, AccountKind.PERSONAL),
                UserProfile.personal(ANN, BORN, US));
        assertEquals(new UserProfile(ANN, BORN, US, 5, Standing.GOOD, AccountKind.BUSINESS), p.withFollowers(5));
        assertEquals(new UserProfile(ANN, BORN, US, 12, Standing.BANNED, AccountKind.BUSINESS),
                p.withStanding(Standing.BANNED));
        assertEquals(new UserProfile(ANN, BORN, US, 12, Standing.GOOD, AccountKind.POLITICIAN),
                p.withAccountKind(AccountKind.POLITICIAN));
        assertEquals(new UserProfile(ANN, BORN, Region.of("KR"), 12, Standing.GOOD, AccountKind.BUSINESS),
                p.withRegion(Region.of("KR")));
        LocalDate other = LocalDate.of(2008, 2, 29);
        assertEquals(new UserProfile(ANN, other, US, 12, Standing.GOOD, AccountKind.BUSINESS), p.withBirthDate(other));
    }

    @Test
    void profileRejectsNullsAndNegativeFollowers() {
        assertEquals("user", assertThrows(NullPointerException.class,
                () -> new UserProfile(null, BORN, US, 0, Standing.GOOD, AccountKind.PERSONAL)).getMessage());
        assertEquals("birthDate", assertThrows(NullPointerException.class,
                () -> new UserProfile(ANN, null, US, 0, Standing.GOOD, AccountKind.PERSONAL)).getMessage());
        assertEquals("region", assertThrows(NullPointerException.class,
                () -> new UserProfile(ANN, BORN, null, 0, Standing.GOOD, AccountKind.PERSONAL)).getMessage());
        assertEquals("standing", assertThrows(NullPointerException.class,
                () -> new UserProfile(ANN, BORN, US, 0, null, AccountKind.PERSONAL)).getMessage());
        assertEquals("accountKind", assertThrows(NullPointerException.class,
                () -> new UserProfile(ANN, BORN, US, 0, Standing.GOOD, null)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UserProfile(ANN, BORN, US, -1, Standing.GOOD, AccountKind.PERSONAL));
        assertEquals("followers of user ann must not be negative, got -1", e.getMessage());
        assertEquals(Long.MAX_VALUE, UserProfile.personal(ANN, BORN, US).withFollowers(Long.MAX_VALUE).followers());
    }

    @Test
    void inMemoryDirectoryKnowsExactlyItsUsersAndIsACopy() {
        UserProfile ann = UserProfile.personal(ANN, BORN, US);
        UserProfile bob = UserProfile.personal(BOB, BORN, Region.of("KR"));
        List<UserProfile> source = new ArrayList<>(List.of(ann, bob));
        ProfileDirectory dir = ProfileDirectory.of(source);
        source.clear();
        assertEquals(Optional.of(ann), dir.find(ANN));
        assertEquals(Optional.of(bob), dir.find(BOB));
        assertEquals(Optional.empty(), dir.find(UserId.of("carol")));
        assertEquals(Optional.of(bob), ProfileDirectory.of(ann, bob).find(BOB));
        assertEquals(Optional.empty(), ProfileDirectory.of().find(ANN));
        assertEquals("ProfileDirectory.of(2 profiles)", dir.toString());
        assertEquals("user", assertThrows(NullPointerException.class, () -> dir.find(null)).getMessage());
    }

    @Test
    void inMemoryDirectoryRejectsDuplicatesAndNulls() {
        UserProfile ann = UserProfile.personal(ANN, BORN, US);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileDirectory.of(List.of(ann, ann.withFollowers(3))));
        assertEquals("two profiles for user ann", e.getMessage());
        assertEquals("profiles", assertThrows(NullPointerException.class,
                () -> ProfileDirectory.of((List<UserProfile>) null)).getMessage());
        assertEquals("profile", assertThrows(NullPointerException.class,
                () -> ProfileDirectory.of(Arrays.asList(ann, null))).getMessage());
    }

    @Test
    void mapBackedDirectorySeesLaterChanges() {
        Map<UserId, UserProfile> map = new ConcurrentHashMap<>();
        ProfileDirectory dir = ProfileDirectory.backedBy(map);
        assertTrue(dir.find(ANN).isEmpty());
        UserProfile ann = UserProfile.personal(ANN, BORN, US);
        map.put(ANN, ann);
        assertEquals(Optional.of(ann), dir.find(ANN));
        map.put(ANN, ann.withFollowers(1_000));
        assertEquals(1_000, dir.find(ANN).orElseThrow().followers());
        assertEquals("profiles", assertThrows(NullPointerException.class,
                () -> ProfileDirectory.backedBy(null)).getMessage());
    }
}
