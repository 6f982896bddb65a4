//! Users and API tokens.

use super::support::{T0, read, user, write};
use leadledger_store::{Db, StoreError, users};

pub async fn a_user_is_found_by_name_and_by_id_and_listed_by_name(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let boss = user(&db, "boss", "admin").await;
    let mut tx = read(&db).await;
    let u = users::by_username(&mut tx, "tom")
        .await
        .unwrap()
        .expect("tom exists");
    assert_eq!(
        (
            u.id,
            u.display_name.as_str(),
            u.role.as_str(),
            u.disabled,
            u.created_at
        ),
        (tom, "TOM", "sales", false, T0)
    );
    assert_eq!(users::by_id(&mut tx, boss).await.unwrap().username, "boss");
    assert!(
        users::by_username(&mut tx, "nobody")
            .await
            .unwrap()
            .is_none()
    );
    let names: Vec<String> = users::list(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(names, ["boss", "tom"]);
    assert_eq!(users::count(&mut tx).await.unwrap(), 2);
}

pub async fn a_second_user_with_the_same_name_is_a_conflict(db: Db) {
    user(&db, "lily", "sales").await;
    let mut tx = write(&db).await;
    let err = users::insert(&mut tx, "lily", "Lily 2", "manager", "x", T0)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
}

pub async fn updating_a_user_changes_role_display_name_disabled_and_password(db: Db) {
    let id = user(&db, "lily", "sales").await;
    let mut tx = write(&db).await;
    users::update(&mut tx, id, "Lily Wang", "manager", true)
        .await
        .unwrap();
    users::set_password(&mut tx, id, "$argon2id$new")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let u = users::by_id(&mut tx, id).await.unwrap();
    assert_eq!(
        (
            u.display_name.as_str(),
            u.role.as_str(),
            u.disabled,
            u.password_hash.as_str()
        ),
        ("Lily Wang", "manager", true, "$argon2id$new")
    );
}

pub async fn changing_a_missing_user_is_not_found(db: Db) {
    let mut tx = write(&db).await;
    assert!(matches!(
        users::update(&mut tx, 999, "x", "sales", false).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        users::set_password(&mut tx, 999, "h").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        users::by_id(&mut tx, 999).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn an_api_token_finds_its_user_until_it_is_revoked(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let lily = user(&db, "lily", "sales").await;
    let mut tx = write(&db).await;
    users::insert_token(&mut tx, tom, "erp sync", "hash-a", T0)
        .await
        .unwrap();
    users::insert_token(&mut tx, tom, "phone", "hash-b", T0)
        .await
        .unwrap();
    users::insert_token(&mut tx, lily, "laptop", "hash-c", T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert_eq!(
        users::by_token(&mut tx, "hash-a")
            .await
            .unwrap()
            .unwrap()
            .id,
        tom
    );
    assert!(
        users::by_token(&mut tx, "hash-zzz")
            .await
            .unwrap()
            .is_none()
    );
    drop(tx);
    let mut tx = write(&db).await;
    assert_eq!(users::revoke_tokens(&mut tx, tom).await.unwrap(), 2);
    assert_eq!(
        users::revoke_tokens(&mut tx, tom).await.unwrap(),
        0,
        "revoking again changes nothing"
    );
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert!(users::by_token(&mut tx, "hash-a").await.unwrap().is_none());
    assert!(users::by_token(&mut tx, "hash-b").await.unwrap().is_none());
    assert_eq!(
        users::by_token(&mut tx, "hash-c")
            .await
            .unwrap()
            .unwrap()
            .id,
        lily,
        "other users keep theirs"
    );
}

pub async fn a_disabled_users_api_token_finds_nobody(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let mut tx = write(&db).await;
    users::insert_token(&mut tx, tom, "erp", "hash-a", T0)
        .await
        .unwrap();
    users::update(&mut tx, tom, "Tom", "sales", true)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert!(users::by_token(&mut tx, "hash-a").await.unwrap().is_none());
}

pub async fn two_api_tokens_with_the_same_hash_are_a_conflict(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let mut tx = write(&db).await;
    users::insert_token(&mut tx, tom, "a", "same", T0)
        .await
        .unwrap();
    let err = users::insert_token(&mut tx, tom, "b", "same", T0)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
}
